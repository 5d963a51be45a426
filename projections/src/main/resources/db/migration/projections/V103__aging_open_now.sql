-- Read model "aging": what is open now, kept beside the movements by the same handlers in the same
-- transaction. As of today, as known now, the report reads the open terms (about a fifth of those
-- ever issued) instead of folding every movement. As of a past date, a term untouched since counts
-- as it is now, one settled before then is skipped, and only the terms touched since are folded
-- back: what is open now minus their movements since.

-- One row per term (or plan installment) ever moved, with what is open on it now.
create table aging_term (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    currency     char(3)       not null,
    due_date     date,          -- null only while no issuing movement is known
    issued_on    date,          -- the issuing movement's business date and recording time
    issued_at    timestamptz,
    open         numeric(19,4) not null,
    last_on      date          not null,  -- the latest business date and recording time of its movements
    last_at      timestamptz   not null,
    primary key (customer_id, invoice_id, term_id, currency)
);
-- What is open now, read without the table: pages of customers, their terms, the disputed invoices' terms, the totals by due date.
create index aging_term_open on aging_term (customer_id, invoice_id) include (term_id, currency, due_date, open, last_on, last_at)
    where open <> 0;
create index aging_term_open_by_due on aging_term (currency, due_date) include (open) where open <> 0 and due_date is not null;
-- The terms touched after a report's business date or time.
create index aging_term_by_last_on on aging_term (last_on);
create index aging_term_by_last_at on aging_term (last_at);

-- Disputed now per invoice; deleted at zero.
create table aging_open_dispute (
    customer_id  text          not null,
    invoice_id   text          not null,
    amount       numeric(19,4) not null,
    primary key (customer_id, invoice_id)
);

-- Unapplied credit now per customer and currency; deleted at zero.
create table aging_open_credit (
    customer_id  text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    primary key (customer_id, currency)
);

insert into aging_term (customer_id, invoice_id, term_id, currency, due_date, issued_on, issued_at, open, last_on, last_at)
select customer_id, invoice_id, term_id, currency, max(due_date),
       min(occurred_on) filter (where due_date is not null), min(recorded_at) filter (where due_date is not null),
       sum(amount), max(occurred_on), max(recorded_at)
from aging_movement group by customer_id, invoice_id, term_id, currency;

-- A term's movements since a past date, for the terms touched since, read from the index alone.
create index aging_movement_by_term on aging_movement (customer_id, invoice_id, term_id, currency)
    include (occurred_on, recorded_at, amount);
drop index aging_movement_by_customer;

insert into aging_open_dispute (customer_id, invoice_id, amount)
select customer_id, invoice_id, sum(amount) from aging_dispute group by customer_id, invoice_id having sum(amount) <> 0;

insert into aging_open_credit (customer_id, currency, amount)
select customer_id, currency, sum(amount) from aging_credit group by customer_id, currency having sum(amount) <> 0;

-- The disputes and credit after a report's business date or time.
create index aging_dispute_by_occurred_on on aging_dispute (occurred_on);
create index aging_dispute_by_recorded_at on aging_dispute (recorded_at);
create index aging_credit_by_occurred_on on aging_credit (occurred_on);
create index aging_credit_by_recorded_at on aging_credit (recorded_at);
