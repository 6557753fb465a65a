-- A container's revision goes up with each change of its row. Several netdocks sharing one PostgreSQL may act on one
-- container at the same instant, each from what it last read: an update or delete names the revision it read and
-- changes nothing when another netdock changed the container since (the operation then catches up and runs again
-- from the new state), so two stops of one running container stop it once, not twice.
alter table container add column revision bigint default 0 not null;
