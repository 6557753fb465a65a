-- Address leases: one row per address handed out. The primary key is what keeps two writers (threads or
-- netdock processes sharing PostgreSQL) from ever leasing the same address of a network twice.
create table address_lease (
    network_id varchar(64)  not null,
    address    varchar(64)  not null,
    owner_id   varchar(128) not null,
    constraint address_lease_pk primary key (network_id, address),
    constraint address_lease_network foreign key (network_id) references network (id) on delete cascade
);

create index address_lease_owner on address_lease (network_id, owner_id);
