-- Read model "portfolio-metrics": what is open and overdue at a period's end owes the late fees accrued to
-- that day, though the ledger records them only when it must fix an amount (a payment allocated, a letter
-- or statement, a write-off, a month's end, a cap reached): the report adds, at each period's end (and the
-- day before its first), the fees accrued on each overdue term since its last recorded day, computed in the
-- query from each day's open principal under the caps (PortfolioMetricsCalculation). So the read model
-- keeps what that takes: each term's principal movements by business date (the issuing one marked), each
-- invoice's contract and currency, the contracts' late-fee terms, the fees recorded and through which day,
-- the write-offs and the legal cap's dated schedule.
-- None of these was kept before this version, so the read model is emptied and its tokens are removed:
-- its processor finds no token when the service starts and replays the journal.
truncate metrics_assignment, metrics_classification, metrics_term, metrics_promise, metrics_dispute,
         metrics_fact, metrics_day, metrics_day_before_event;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'portfolio-metrics';
    end if;
end
$$;

-- What moved a term's principal: + issued (issuing) or reopened, - paid, credited, rescheduled or written off.
create table metrics_principal (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    amount       numeric(19,4) not null,
    issuing      boolean       not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index metrics_principal_by_term on metrics_principal (customer_id, invoice_id, term_id)
    include (occurred_on, recorded_at, amount, issuing);

-- The late-fee terms of each contract that has them.
create table metrics_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- The contract of each invoice issued under one, its currency and the currency's decimals (fees are rounded to them).
create table metrics_invoice_contract (
    customer_id  text     not null,
    invoice_id   text     not null,
    contract_id  text     not null,
    currency     text     not null,
    decimals     smallint not null,
    primary key (customer_id, invoice_id)
);

-- Fees recorded per term: + accrued (with the last day they cover), - taken back by a correction (all of
-- it, paid or not: what counts against the caps).
create table metrics_fee (
    customer_id      text          not null,
    invoice_id       text          not null,
    term_id          text          not null,
    amount           numeric(19,4) not null,
    accrued_through  date,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null
);
create index metrics_fee_by_term on metrics_fee (customer_id, invoice_id, term_id) include (occurred_on, recorded_at, amount, accrued_through);

-- Invoices written off: from then on no fee accrues on their terms.
create table metrics_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index metrics_write_off_by_invoice on metrics_write_off (customer_id, invoice_id);

-- The legal cap from each recorded change's effective date (policy.LegalLateFeeCapChanged, in its stream's order).
create table metrics_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
