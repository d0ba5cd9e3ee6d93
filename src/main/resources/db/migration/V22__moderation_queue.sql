-- The moderators' queue (issue 13, item 3): one row per open task that has the candidate group moderators, written by
-- the engine's own commands in their transaction (queue/ModerationQueueEntries), so that a page is read in queue order
-- from one index and the count from the same index, without the engine's per-task look-ups over every queued task.
-- Filled from the engine's tables when the engine starts (the same plugin). Plain SQL for PostgreSQL and H2.
create table moderation_queue_task (
    task_id             varchar(64) primary key,
    process_instance_id varchar(64),
    created             timestamp   not null,
    suspended           boolean     not null
);
create index moderation_queue_task_order on moderation_queue_task (suspended, created, task_id);
create index moderation_queue_task_process on moderation_queue_task (process_instance_id);
