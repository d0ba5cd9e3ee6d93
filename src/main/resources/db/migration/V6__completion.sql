-- The summary an engagement keeps when it completes (issue 4).
alter table engagement add column summary varchar(10000);
