-- Several netdocks may share one PostgreSQL, each keeping what it serves in memory. This feed is how each learns at
-- once what the others committed: a writing transaction takes the next version (the single row of store_version,
-- bumped just before commit, so versions commit in order) and records under it what it changed (a container, a
-- network, an event), then notifies the others. A process that has applied version N has seen every change up to N;
-- one that finds a larger version in store_version than it applied (a notification got lost) reads the changes in
-- between before it answers. Unused with the embedded H2 database (one process only).
create table store_version (
    singleton int primary key,
    version bigint not null
);

insert into store_version (singleton, version) values (1, 0);

create table store_change (
    version bigint not null,
    seq int not null,
    origin varchar(64) not null,
    kind varchar(16) not null,
    subject varchar(128) not null,
    detail varchar(1000000),
    primary key (version, seq)
);
