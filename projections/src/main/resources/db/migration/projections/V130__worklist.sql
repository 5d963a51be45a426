-- Read model "worklist": the facts that rank customers for collection and say what to do next,
-- each with the business date it happened and the time it was recorded, so the worklist as of
-- any date, as known at any time, is computed from the rows that qualify. A row that a later
-- fact ends (a letter delivered, a case closed, a payment reversed) keeps that fact's date and
-- recording time beside its own.

create table worklist_customer (
    customer_id  text        primary key,
    name         text        not null
);

-- Every movement of what is open on an invoice term (or plan installment); due_date on the row that creates it.
create table worklist_movement (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    currency     char(3)       not null,
    due_date     date,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index worklist_movement_by_term on worklist_movement (customer_id, invoice_id, term_id);

-- Disputed amounts per invoice: + when raised, - when resolved.
create table worklist_dispute (
    customer_id  text          not null,
    invoice_id   text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index worklist_dispute_by_invoice on worklist_dispute (customer_id, invoice_id);

-- Collector and reminder tier; the latest assignment by then is in force. seq, the event's
-- sequence number in its account, orders facts of one day (the same in a rebuild).
create table worklist_collector (
    seq          bigint      not null,
    customer_id  text        not null,
    collector    text        not null,
    tier         char(1)     not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index worklist_collector_by_customer on worklist_collector (customer_id);

-- Facts that restart the limitation period of an invoice (Civil Code art. 195); invoice_id null
-- restarts every invoice of the customer. A reversed payment restarts nothing from its reversal on.
create table worklist_restart (
    seq                   bigint      not null,
    customer_id           text        not null,
    invoice_id            text,
    fact                  text        not null,
    payment_id            text,
    occurred_on           date        not null,
    recorded_at           timestamptz not null,
    reversed_on           date,
    reversed_recorded_at  timestamptz
);
create index worklist_restart_by_customer on worklist_restart (customer_id, invoice_id);
create index worklist_restart_by_payment on worklist_restart (customer_id, payment_id) where payment_id is not null;

-- Outcomes of promises, corrections included; the latest by then counts.
create table worklist_promise_outcome (
    seq          bigint      not null,
    customer_id  text        not null,
    promise_id   text        not null,
    outcome      text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index worklist_promise_outcome_by_customer on worklist_promise_outcome (customer_id, promise_id);

create table worklist_warning (
    customer_id  text        not null,
    warning_id   text        not null,
    signal       text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null,
    primary key (customer_id, warning_id)
);

-- Each time new orders were held for a payment more than 15 days late: the customer's credit record.
create table worklist_orders_held (
    customer_id  text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index worklist_orders_held_by_customer on worklist_orders_held (customer_id);

create table worklist_letter (
    customer_id            text        not null,
    letter_id              text        not null,
    invoice_ids            text[]      not null,
    sent_on                date        not null,
    sent_recorded_at       timestamptz not null,
    delivered_on           date,
    delivered_recorded_at  timestamptz,
    primary key (customer_id, letter_id)
);

create table worklist_case (
    customer_id         text        not null,
    case_id             text        not null,
    filed_on            date        not null,
    filed_recorded_at   timestamptz not null,
    closed_on           date,
    closed_recorded_at  timestamptz,
    primary key (customer_id, case_id)
);
