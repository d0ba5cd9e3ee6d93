-- Issue 9: markers per signal, M5 from company reviews, and the keys by which earlier clients are remembered.
alter table screening_marker add column signal varchar(40);
update screening_marker set signal = 'legacy' where signal is null;
alter table screening add column company_reviews_bad boolean;

-- Normalised contact keys (computed by the application for new rows; back-filled here portably for PostgreSQL and H2).
alter table client add column phone_key varchar(20);
alter table client add column email_domain varchar(254);
alter table company add column website_host varchar(300);

update client set email_domain = lower(substring(email from position('@' in email) + 1));
update client set phone_key = right(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), 10)
    where phone is not null;
update client set phone_key = null where phone_key is not null and length(phone_key) < 7;
update company set website_host = replace(replace(replace(lower(website), 'https://', ''), 'http://', ''), 'www.', '')
    where website is not null;
update company set website_host = substring(website_host from 1 for position('/' in website_host) - 1)
    where position('/' in website_host) > 0;
update company set website_host = null where website_host = '';

create index client_phone_key_idx on client (phone_key);
create index client_email_domain_idx on client (email_domain);
create index company_website_host_idx on company (website_host);
create index engagement_status_idx on engagement (status);
