-- Read model "aging": every movement of what is open on an invoice term, with the business date
-- it happened and the time it was recorded, so a report as of any date, as known at any time,
-- is a sum over the rows that qualify. Rows are never updated.
create table aging_movement (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    currency     char(3)       not null,
    due_date     date,          -- on the row that creates the term; null on the others
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null,
    event_id     text          not null
);
create index aging_movement_by_customer on aging_movement (customer_id, occurred_on);

-- Disputed amounts per invoice: + when raised, - when resolved.
create table aging_dispute (
    customer_id  text          not null,
    invoice_id   text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null,
    event_id     text          not null
);
create index aging_dispute_by_customer on aging_dispute (customer_id);

-- Unapplied credit per customer and currency, shown apart from what is open.
create table aging_credit (
    customer_id  text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null,
    event_id     text          not null
);
create index aging_credit_by_customer on aging_credit (customer_id);
