-- A block pauses every process of the client's engagements (the engagement itself, its protocols), not only the
-- engagement's own process: each is recorded, with the one whose deadline was breached.

create table paused_process (
    block_id            bigint       not null references client_block (id),
    process_instance_id varchar(64)  not null,
    engagement_id       bigint       not null references engagement (id),
    process_key         varchar(64)  not null,
    breaching           boolean      not null,
    paused_at           timestamp with time zone not null,
    resumed_at          timestamp with time zone,
    primary key (block_id, process_instance_id)
);
