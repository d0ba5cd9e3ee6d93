-- Two-way correspondence (issue 9, item 7): every letter carries a Message-ID and a Reply-To we keep, and the client's
-- replies, read from the reply mailbox over IMAP, are stored in the same log as inbound messages.
alter table correspondence add column direction varchar(8) not null default 'OUTBOUND';
-- Outbound: the Message-ID we gave the letter. Inbound: the reply's own Message-ID (its dedup key makes it unique).
alter table correspondence add column message_id varchar(1000);
-- Outbound: the Reply-To of the letter (the reply mailbox, plus-addressed with the engagement number).
alter table correspondence add column reply_to varchar(254);
-- Inbound: the From address as the message claims it, and whether it is the engagement's client.
alter table correspondence add column sender varchar(254);
alter table correspondence add column answers_id bigint references correspondence (id);
alter table correspondence add column received_at timestamp with time zone;
alter table correspondence add column read_at timestamp with time zone;
alter table correspondence add column read_by varchar(254);
alter table correspondence add column moderator_note varchar(4000);
-- An inbound message has no template and no language of ours.
alter table correspondence alter column template drop not null;
alter table correspondence alter column locale drop not null;
create index correspondence_message_id_idx on correspondence (message_id);
