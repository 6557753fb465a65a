-- Networks as Docker shows them. Maps (options, labels, IPAM options, auxiliary addresses) are JSON objects;
-- ipam_options is null when the create request had none (Docker shows "Options": null then).
create table network (
    id            varchar(64)  not null primary key,
    name          varchar      not null,
    driver        varchar(255) not null,
    network_scope varchar(16)  not null,
    created_nanos bigint       not null,
    is_internal   boolean      not null,
    is_attachable boolean      not null,
    is_ingress    boolean      not null,
    config_only   boolean      not null,
    config_from   varchar,
    enable_ipv4   boolean      not null,
    enable_ipv6   boolean      not null,
    ipam_driver   varchar(255) not null,
    ipam_options  varchar,
    driver_options varchar     not null,
    labels        varchar      not null,
    constraint network_name_unique unique (name)
);

-- IPAM.Config entries in request order. reserved_subnet is set when the network holds the subnet (not for
-- configuration-only networks or disabled address families); its uniqueness keeps two processes from taking the
-- same default subnet.
create table network_ipam_config (
    network_id      varchar(64) not null,
    config_index    int         not null,
    subnet          varchar(64) not null,
    ip_range        varchar(64),
    gateway         varchar(64),
    aux_addresses   varchar     not null,
    user_subnet     boolean     not null,
    gateway_shown   boolean     not null,
    reserved_subnet varchar(64),
    constraint network_ipam_config_pk primary key (network_id, config_index),
    constraint network_ipam_config_network foreign key (network_id) references network (id) on delete cascade,
    constraint network_ipam_config_reserved unique (reserved_subnet)
);
