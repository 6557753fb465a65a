-- Two netdock processes sharing one PostgreSQL must agree without talking to each other; the database decides.

-- An endpoint's network cannot be removed under it: a process that does not know another one's endpoints gets a
-- foreign key violation instead of deleting the network. (Endpoints on networks that are gone could only be
-- leftovers; they are dropped first so the constraint can be added.)
delete from endpoint where network_id not in (select id from network);
alter table endpoint add constraint endpoint_network foreign key (network_id) references network (id);

-- Named locks, taken with SELECT ... FOR UPDATE inside a transaction, for rules no unique constraint can express:
-- 'network-create' serialises the subnet overlap check and the insert of new networks across processes.
create table store_lock (
    lock_name varchar(64) not null primary key
);
insert into store_lock (lock_name) values ('network-create');
