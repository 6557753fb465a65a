-- The kernel interface name of each bridge network (docker0, br-<12 hex>, or the bridge name option). Unique, so
-- two networks can never share a bridge, whichever process creates them.
alter table network add column bridge_name varchar(64);
alter table network add constraint network_bridge_name_unique unique (bridge_name);
