-- Read model "promise-watchlist": promises to pay, the outcomes the ledger recorded for them
-- (corrections included), the payments that may settle them, contact attempts and collector
-- assignments, each with its business date and recording time. Rows are never updated, so the
-- watchlist as of any date, as known at any time, is read from the rows that qualify.
create table watchlist_promise (
    customer_id   text          not null,
    promise_id    text          not null,
    currency      char(3)       not null,
    amount        numeric(19,4) not null,
    promised_date date          not null,
    form          text          not null,
    collector     text,                    -- the collector the promise names, if any
    document_ref  text,
    occurred_on   date          not null,
    recorded_at   timestamptz   not null,
    event_id      text          not null,
    primary key (customer_id, promise_id)
);
create index watchlist_promise_by_date on watchlist_promise (promised_date);

-- Kept, partially kept, broken, and corrections of those (which name the outcome they correct).
create table watchlist_outcome (
    customer_id     text          not null,
    promise_id      text          not null,
    outcome         text          not null,
    corrects        text,
    payment_id      text,                  -- on a correction: the payment recorded late that changed the outcome
    received        numeric(19,4) not null,
    shortfall       numeric(19,4) not null,
    occurred_on     date          not null,
    recorded_at     timestamptz   not null,
    sequence_number bigint        not null,
    event_id        text          not null
);
create index watchlist_outcome_by_promise on watchlist_outcome (customer_id, promise_id);

create table watchlist_payment (
    customer_id  text          not null,
    payment_id   text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null,
    event_id     text          not null
);
create index watchlist_payment_by_customer on watchlist_payment (customer_id, occurred_on);

create table watchlist_payment_reversal (
    customer_id  text        not null,
    payment_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null,
    event_id     text        not null
);
create index watchlist_payment_reversal_by_customer on watchlist_payment_reversal (customer_id);

create table watchlist_contact (
    customer_id  text        not null,
    contact_id   text        not null,
    collector    text,                     -- the collector the attempt names, if any
    occurred_on  date        not null,
    recorded_at  timestamptz not null,
    event_id     text        not null
);
create index watchlist_contact_by_date on watchlist_contact (occurred_on);

create table watchlist_assignment (
    customer_id     text        not null,
    collector       text        not null,
    occurred_on     date        not null,
    recorded_at     timestamptz not null,
    sequence_number bigint      not null,
    event_id        text        not null
);
create index watchlist_assignment_by_customer on watchlist_assignment (customer_id);
