-- Business days whose close has run for every account. Today is closed again on every run
-- (closing is idempotent); the next run after it goes on from the day after the last one here.
create table business_day_closed (
    business_date date        primary key,
    closed_at     timestamptz not null,
    accounts      integer     not null
);

-- Every account, found from its first event, without scanning the whole journal.
create index domain_event_entry_accounts on domain_event_entry (aggregate_identifier) where sequence_number = 0;
