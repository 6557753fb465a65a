-- Network-only containers: identity and name (unique, the arbiter of name conflicts) plus the whole
-- configuration and state as one JSON document (read back into memory at start).
create table container (
    id        varchar(64)      not null primary key,
    name      varchar(255)     not null,
    status    varchar(16)      not null,
    document  varchar(1000000) not null,
    constraint container_name_unique unique (name)
);
