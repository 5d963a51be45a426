-- Read model "credit-decision": the exposure as of a date owes the late fees accrued to that date, though
-- the ledger records them only when it must fix an amount (a payment allocated, a letter or statement, a
-- write-off, a month's end, a cap reached). It adds, to each open overdue term under a contract with
-- late-fee terms, the fees accrued after the last recorded day (io.collectionsledger.contracts.time.AccruingLateFees),
-- for which it keeps each term's due date and principal, what each movement moved, the contracts'
-- late-fee terms, the fees recorded and through which day, the write-offs and the legal cap's schedule.
-- The rows written before this version name no term, so the read model is emptied and its tokens are
-- removed: its processor finds no token when the service starts and replays the journal.
truncate credit_customer, credit_movement, credit_unapplied, credit_limit, credit_switch, credit_case,
         credit_delivery, credit_batch_receivable, credit_limit_withdrawal, credit_switch_withdrawal;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'credit-decision';
    end if;
end
$$;

-- The term (or plan installment) moved, and what the movement moved (Allocation.Component): PRINCIPAL on what
-- paid, credited, reopened, rescheduled or wrote off principal; LATE_FEES on fees recorded, taken back or paid;
-- null on what was issued (credit_term has it) and on a plan's installments.
alter table credit_movement add column term_id text not null;
alter table credit_movement add column component text;

-- The terms of each invoice issued under a contract: due date and principal, the base of the fees.
create table credit_term (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    contract_id  text          not null,
    currency     char(3)       not null,
    due_date     date          not null,
    amount       numeric(19,4) not null,
    issued_on    date          not null,
    issued_at    timestamptz   not null,
    primary key (customer_id, invoice_id, term_id)
);

-- The late-fee terms of each contract that has them.
create table credit_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- Fees recorded per term: + accrued (with the last day they cover), - taken back by a correction (all of
-- it, paid or not: what counts against the caps).
create table credit_fee (
    customer_id      text          not null,
    invoice_id       text          not null,
    term_id          text          not null,
    amount           numeric(19,4) not null,
    accrued_through  date,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null
);
create index credit_fee_by_customer on credit_fee (customer_id);

-- Invoices written off: from then on no fee accrues on their terms.
create table credit_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index credit_write_off_by_customer on credit_write_off (customer_id);

-- The legal cap from each recorded change's effective date (policy.LegalLateFeeCapChanged, in its stream's order).
create table credit_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
