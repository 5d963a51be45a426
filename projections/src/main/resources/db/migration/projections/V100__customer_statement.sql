-- Read model "customer-statement": one row per invoice term, and unapplied credit per currency.
-- Versions V100 and up belong to projections; V1 to V99 to the ledger's own tables.
create table statement_term (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    contract_id  text,
    currency     char(3)       not null,
    issued_on    date          not null,
    due_date     date          not null,
    amount       numeric(19,4) not null,
    credited     numeric(19,4) not null default 0,
    paid         numeric(19,4) not null default 0,
    primary key (customer_id, invoice_id, term_id)
);

create table statement_credit (
    customer_id  text          not null,
    currency     char(3)       not null,
    unapplied    numeric(19,4) not null default 0,
    primary key (customer_id, currency)
);
