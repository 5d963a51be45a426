-- Business days whose close has run for every account. A day is recorded only once it is over
-- (before today); today is closed again on every run, which is harmless: closing is idempotent.
create table business_day_closed (
    business_date date        primary key,
    closed_at     timestamptz not null,
    accounts      integer     not null
);

-- Every account, found from its first event, without scanning the whole journal.
create index domain_event_entry_accounts on domain_event_entry (aggregate_identifier) where sequence_number = 0;
