-- Container names as long as netdock accepts them (1024 characters; they were cut at 255 and a longer one
-- failed the insert), endpoint rows able to carry the name of any network (network names may be 1024 bytes
-- long), and container documents as large as a request body may make them (they were capped at 1,000,000).
alter table container alter column name set data type varchar(1024);
alter table container alter column document set data type varchar;
alter table endpoint alter column network_name set data type varchar(1024);
