-- Read model "customer-lookup": every record of a customer read back, as of a business date, as
-- known at a time. Each fact that shapes a record is kept as it was recorded (the event as JSON,
-- with its business date and recording time) and folded when a customer's records are asked for,
-- so any asOf and knownAt take the facts that qualify. The JSON is the event's current shape: a
-- change of an event's shape (a new @Revision) calls for this read model's rebuild.
create table lookup_fact (
    customer_id      text        not null,
    sequence_number  bigint      not null,
    occurred_on      date        not null,
    recorded_at      timestamptz not null,
    type             text        not null,   -- the event's logical type name
    payload          jsonb       not null,
    primary key (customer_id, sequence_number)
);

-- The customers as the facts recorded so far leave them, for listing a page of them without
-- folding each: exact for a query whose asOf and knownAt are on or after the customer's last fact
-- (last_occurred_on, last_recorded_at); any other customer is folded from its facts.
create table lookup_customer (
    customer_id       text        primary key,
    name              text        not null,
    name_folded       text        not null,   -- lower(name), what nameContains is matched against
    registered_on     date        not null,
    registered_at     timestamptz not null,
    collector         text,
    tier              text,
    last_occurred_on  date        not null,
    last_recorded_at  timestamptz not null
);
-- names and ids in byte order (collation C), the order Java merges folded customers in
create index lookup_customer_by_name on lookup_customer (name collate "C", customer_id collate "C");
create index lookup_customer_by_id on lookup_customer (customer_id collate "C");
create index lookup_customer_by_last_occurred on lookup_customer (last_occurred_on);
create index lookup_customer_by_last_recorded on lookup_customer (last_recorded_at);

-- Principal open per invoice and per payment plan, and the invoice's class.
create table lookup_receivable (
    customer_id       text          not null,
    receivable_id     text          not null,
    currency          char(3)       not null,
    is_plan           boolean       not null,
    open              numeric(19,4) not null,
    receivable_class  text          not null default 'CURRENT',
    primary key (customer_id, receivable_id)
);

-- Principal open per customer and currency: the order by open amount.
create table lookup_customer_open (
    customer_id  text          not null,
    currency     char(3)       not null,
    open         numeric(19,4) not null,
    primary key (customer_id, currency)
);
create index lookup_customer_open_by_amount on lookup_customer_open (currency, open desc, customer_id collate "C");
