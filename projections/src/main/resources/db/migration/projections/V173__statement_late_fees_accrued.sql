-- Read model "customer-statement": the statement of account as of a date owes the late fees accrued to
-- that date, though the ledger records them only when it must fix an amount. It adds, to each open
-- overdue term under a contract with late-fee terms, the fees accrued after the last recorded day
-- (io.collectionsledger.contracts.time.AccruingLateFees), for which it keeps the contracts' late-fee
-- terms, through which day each recorded accrual ran, the write-offs and the legal cap's dated schedule.
-- The rows written before this version carry none of them, so the read model is emptied and its tokens
-- are removed: its processor finds no token when the service starts and replays the journal.
truncate statement_term, statement_credit, statement_movement, statement_credit_movement;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'customer-statement';
    end if;
end
$$;

-- On late fees accrued: the last day they cover.
alter table statement_movement add column accrued_through date;

-- The late-fee terms of each contract that has them.
create table statement_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- Invoices written off: from then on no fee accrues on their terms.
create table statement_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index statement_write_off_by_customer on statement_write_off (customer_id);

-- The legal cap from each recorded change's effective date (policy.LegalLateFeeCapChanged, in its stream's order).
create table statement_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
