-- Facts about this daemon that must survive restarts (its engine ID, first start time).
create table daemon_setting (
    setting_name  varchar(64)   not null primary key,
    setting_value varchar(1024) not null
);
