-- The first and last address of each reserved subnet as text whose order is address order ("4" + 10 digits for
-- IPv4, "6" + 39 digits for IPv6, zero-padded), so checking a new subnet for overlaps is one indexed lookup
-- instead of reading every reserved subnet. Rows stored before this migration are filled in at start.
alter table network_ipam_config add column reserved_first varchar(40);
alter table network_ipam_config add column reserved_last varchar(40);
create index network_ipam_config_reserved_last on network_ipam_config (reserved_last);
