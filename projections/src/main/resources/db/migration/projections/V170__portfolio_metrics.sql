-- Read model "portfolio-metrics": every fact that moves a metric, as a signed amount of one
-- measure on one day (metrics_fact, never updated), counted under the collector, tier and receivable
-- class in force on its day; and the same summed per day, currency and dimension (metrics_day), so
-- that months of the whole portfolio are a sum over a few thousand rows. A report as of a past date
-- or as known at a past time subtracts the facts after it from the sums.

-- The customer's collector and tier from a business date on. effective_on never goes back: an
-- assignment dated before the customer's latest one takes effect on that one's date.
create table metrics_assignment (
    customer_id     text   not null,
    effective_on    date   not null,
    collector       text   not null,
    tier            text   not null,
    sequence_number bigint not null,
    primary key (customer_id, sequence_number)
);

-- An invoice's receivable class from a business date on (the same rule).
create table metrics_classification (
    customer_id      text   not null,
    invoice_id       text   not null,
    effective_on     date   not null,
    receivable_class text   not null,
    sequence_number  bigint not null,
    primary key (customer_id, invoice_id, sequence_number)
);

-- Invoice terms and plan installments: their due dates place what is open on them on the overdue axis.
create table metrics_term (
    customer_id text not null,
    invoice_id  text not null,
    term_id     text not null,
    due_date    date not null,
    primary key (customer_id, invoice_id, term_id)
);

-- Promises, so that their outcomes count in the period of their promised date under the collector of the day they were made.
create table metrics_promise (
    customer_id   text not null,
    promise_id    text not null,
    promised_on   date not null,
    promised_date date not null,
    collector     text,              -- the collector the promise names, if any
    primary key (customer_id, promise_id)
);

-- Disputes, so that a resolution knows how long its dispute was open.
create table metrics_dispute (
    customer_id text not null,
    dispute_id  text not null,
    invoice_id  text not null,
    raised_on   date not null,
    primary key (customer_id, dispute_id)
);

create table metrics_fact (
    customer_id      text          not null,
    invoice_id       text          not null,  -- '' for the customer's own facts (promises, contacts)
    measure          text          not null,
    currency         text          not null,  -- '' for counts
    day              date          not null,  -- the day it counts on: stocks (open, overdue) from then on, flows in its period
    attributed_on    date          not null,  -- the day whose collector, tier and class it counts under
    collector        text          not null,
    tier             text          not null,
    receivable_class text,                    -- null for the customer's own facts
    amount           numeric(19,4) not null,
    occurred_on      date          not null,  -- the business date and recording time of the event it comes from
    recorded_at      timestamptz   not null,
    sequence_number  bigint        not null,
    event_id         text          not null
);
-- a customer's rows, for a change of its collector, tier or class and for summing a batch's rows into metrics_day
create index metrics_fact_by_customer on metrics_fact (customer_id, sequence_number);
-- the rows after a report's business date or time; of those after its date, only the rows on a day before
-- their event's date (cohorts, outcomes, rows moved by a change) can fall on a day of the report's periods
create index metrics_fact_before_their_event on metrics_fact (occurred_on) where day < occurred_on;
create index metrics_fact_by_recorded_at on metrics_fact (recorded_at);

-- dimension 'all' (value ''), 'collector', 'tier', 'receivable_class'.
create table metrics_day (
    dimension text          not null,
    value     text          not null,
    currency  text          not null,
    measure   text          not null,
    day       date          not null,
    amount    numeric(19,4) not null,
    primary key (dimension, value, currency, measure, day)
);
