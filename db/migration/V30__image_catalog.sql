-- Emulated images: every reference a client inspected, pulled or a container used. netdock has no image
-- store; an image is its normalised reference (docker.io/library/busybox:latest) with a derived ID.
create table image_tag (
    reference     varchar(512) not null primary key,
    image_id      varchar(80)  not null,
    created_nanos bigint       not null
);
create index image_tag_image_id on image_tag (image_id);
