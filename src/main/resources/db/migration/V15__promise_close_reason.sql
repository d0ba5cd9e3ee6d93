-- Issue 11, item 4: a promise still open when its engagement ends (completed, terminated, declined) is cancelled,
-- and the record says why.
alter table promise add column close_reason varchar(200);
