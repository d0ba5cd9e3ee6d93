-- The client's review of each work result (issue 4): accepted, changes asked, change orders.
alter table deliverable add column version integer default 1 not null;
alter table deliverable add column replaces_id bigint references deliverable (id);
alter table deliverable add column status varchar(20) default 'IN_REVIEW' not null;
alter table deliverable add column change_request varchar(4000);
alter table deliverable add column assessment varchar(20);
alter table deliverable add column assessment_note varchar(2000);
alter table deliverable add column change_order_protocol varchar(30);
alter table deliverable add column change_order_invoice varchar(20);
alter table deliverable add column reviewed_at timestamp with time zone;
