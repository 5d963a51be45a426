-- Read model "customer-lookup": a page of customers as of a past date, or as known at a past time,
-- picked by SQL from what each customer's list keys were then, so that only the customers on the
-- page are folded (V160 folded every customer with a fact after the query's date or time). The keys
-- that change are kept as history: who collects at which tier, each receivable's principal moves
-- and its classes, each with its business date and recording time. And the customer's file now
-- shows its early-warning facts, which V160 did not keep.
-- The rows written before this version carry neither, so the read model is emptied and its tokens
-- are removed: its processor finds no token when the service starts and replays the journal.
truncate lookup_fact, lookup_customer, lookup_receivable, lookup_customer_open;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'customer-lookup';
    end if;
end
$$;

-- When the receivable was issued (the invoice, or the plan agreed): before then, as of a date or a
-- time, it does not exist and what moves it does not count.
alter table lookup_receivable add column issued_on date not null;
alter table lookup_receivable add column issued_at timestamptz not null;

-- Every move of a receivable's principal, its issue included: what is open on it as of a date, as
-- known at a time, is the sum of the moves that qualify.
create table lookup_movement (
    customer_id    text          not null,
    receivable_id  text          not null,
    occurred_on    date          not null,
    recorded_at    timestamptz   not null,
    amount         numeric(19,4) not null
);
create index lookup_movement_by_receivable on lookup_movement (customer_id, receivable_id) include (occurred_on, recorded_at, amount);

-- Every assignment of a collector and tier: the one that stands is the last recorded that qualifies.
create table lookup_collector (
    customer_id      text        not null,
    sequence_number  bigint      not null,
    occurred_on      date        not null,
    recorded_at      timestamptz not null,
    collector        text        not null,
    tier             text        not null,
    primary key (customer_id, sequence_number)
);

-- Every classification of an invoice: the one that stands is the last recorded that qualifies, CURRENT before any.
create table lookup_class (
    customer_id       text        not null,
    receivable_id     text        not null,
    sequence_number   bigint      not null,
    occurred_on       date        not null,
    recorded_at       timestamptz not null,
    receivable_class  text        not null,
    primary key (customer_id, receivable_id, sequence_number)
);
