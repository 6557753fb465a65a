-- Endpoints of running containers: one per container and network, with the addresses leased for it.
create table endpoint (
    container_id   varchar(64)  not null,
    network_id     varchar(64)  not null,
    network_name   varchar(255) not null,
    endpoint_id    varchar(64)  not null,
    interface_name varchar(16)  not null,
    mac_address    varchar(17)  not null,
    ipv4_cidr      varchar(64)  not null,
    gateway_v4     varchar(64)  not null,
    ipv6_cidr      varchar(64)  not null,
    gateway_v6     varchar(64)  not null,
    default_route  boolean      not null,
    attach_order   bigint       not null,
    constraint endpoint_pk primary key (container_id, network_id),
    constraint endpoint_id_unique unique (endpoint_id)
);
