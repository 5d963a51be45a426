-- Read model "credit-decision": what decides whether a customer may place an order, each fact with
-- the business date it happened and the time it was recorded, so a decision as of any date, as
-- known at any time, is computed from the rows that qualify. seq is the event's sequence number in
-- its account: it orders facts of one day, the same in a rebuild.

create table credit_customer (
    customer_id  text        primary key,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);

-- Every movement of what is open on an invoice term or plan installment. written_off marks the
-- movements of write-offs: the receivable leaves the exposure, but its batch was never paid.
create table credit_movement (
    customer_id  text          not null,
    invoice_id   text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    written_off  boolean       not null default false,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index credit_movement_by_customer on credit_movement (customer_id, invoice_id);

create table credit_unapplied (
    customer_id  text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index credit_unapplied_by_customer on credit_unapplied (customer_id);

-- The credit limit, set by a credit manager or raised by early payments; the latest by then is in force.
create table credit_limit (
    seq          bigint        not null,
    customer_id  text          not null,
    amount       numeric(19,4) not null,
    currency     char(3)       not null,
    basis        text          not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index credit_limit_by_customer on credit_limit (customer_id);

-- Orders held and released, supply suspended and resumed: the latest of each switch by then is in force.
create table credit_switch (
    seq          bigint      not null,
    customer_id  text        not null,
    switch       text        not null,
    engaged      boolean     not null,
    detail       text,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index credit_switch_by_customer on credit_switch (customer_id, switch);

create table credit_case (
    customer_id         text        not null,
    case_id             text        not null,
    detail              text        not null,
    filed_on            date        not null,
    filed_recorded_at   timestamptz not null,
    closed_on           date,
    closed_recorded_at  timestamptz,
    primary key (customer_id, case_id)
);

-- Batches delivered, and the receivables (invoices, and plans that took them over) that settle each.
create table credit_delivery (
    seq          bigint      not null,
    customer_id  text        not null,
    delivery_id  text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index credit_delivery_by_customer on credit_delivery (customer_id);

create table credit_batch_receivable (
    customer_id    text        not null,
    delivery_id    text        not null,
    receivable_id  text        not null,
    occurred_on    date        not null,
    recorded_at    timestamptz not null
);
create index credit_batch_receivable_by_customer on credit_batch_receivable (customer_id, delivery_id);
