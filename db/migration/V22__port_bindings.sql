-- Published ports of running containers. The primary key makes a host port (per host address and protocol)
-- belong to one container at a time, even across netdock processes sharing the database.
create table port_binding (
    host_ip        varchar(64)  not null,
    protocol       varchar(8)   not null,
    host_port      integer      not null,
    container_id   varchar(64)  not null,
    port_key       varchar(32)  not null,
    container_port integer      not null,
    endpoint_id    varchar(64)  not null,
    bridge_name    varchar(16)  not null,
    container_ip   varchar(64)  not null,
    binding_order  bigint       not null,
    constraint port_binding_pk primary key (host_ip, protocol, host_port)
);
create index port_binding_container on port_binding (container_id);
