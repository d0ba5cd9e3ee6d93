-- A letter being sent holds a lease (issue 10, item 3): a row left in SENDING past it (the node died or lost the
-- database between the send and "mark SENT") is claimed again and resent with its stored Message-ID.
alter table correspondence add column lease_until timestamp with time zone;
create index correspondence_outbox_idx on correspondence (status, created_at);
