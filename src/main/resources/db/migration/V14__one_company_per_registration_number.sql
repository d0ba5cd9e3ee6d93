-- One company per country and registration number (issue 10, item 5), enforced by the database.
-- Concurrent first registrations used to create a row each; their colleagues, engagements and promises are moved to
-- the oldest row (the one every lookup already used), the later rows are deleted, then the unique index is added.
-- Plain SQL that runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. Rows without a registration number stay
-- as they are (NULLs are distinct in a unique index).

update client set company_id = (
        select min(k.id) from company k, company d
        where d.id = client.company_id and k.country = d.country and k.registration_number = d.registration_number)
    where company_id in (
        select d.id from company d
        where exists (select 1 from company k
                      where k.country = d.country and k.registration_number = d.registration_number and k.id < d.id));

update engagement set company_id = (
        select min(k.id) from company k, company d
        where d.id = engagement.company_id and k.country = d.country and k.registration_number = d.registration_number)
    where company_id in (
        select d.id from company d
        where exists (select 1 from company k
                      where k.country = d.country and k.registration_number = d.registration_number and k.id < d.id));

update promise set company_id = (
        select min(k.id) from company k, company d
        where d.id = promise.company_id and k.country = d.country and k.registration_number = d.registration_number)
    where company_id in (
        select d.id from company d
        where exists (select 1 from company k
                      where k.country = d.country and k.registration_number = d.registration_number and k.id < d.id));

delete from company
    where exists (select 1 from company k
                  where k.country = company.country and k.registration_number = company.registration_number
                    and k.id < company.id);

drop index company_registration_idx;
create unique index company_registration_uq on company (country, registration_number);
