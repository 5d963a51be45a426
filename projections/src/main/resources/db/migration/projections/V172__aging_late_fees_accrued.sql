-- Read model "aging": the late fees accrued to any date, though the ledger records them only when it
-- must fix an amount (a payment allocated, a letter or statement, a write-off, a month's end, a cap
-- reached). A report as of a date adds to what is open on each overdue term the fees accrued after the
-- last day recorded for it: each day's open principal times the contract's daily rate, summed over the
-- days and rounded once, under the contract's cap and the legal cap of each day. So the read model
-- keeps what that takes: the contracts' late-fee terms, which invoice is under which contract, what a
-- movement moved (the principal's movements by business date), the fees recorded and through which
-- day, the write-offs, and the legal cap's dated schedule.
-- The rows written before this version carry neither the contracts nor the components, so the read
-- model is emptied and its tokens are removed: its processor finds no token when the service starts
-- and replays the journal.
truncate aging_movement, aging_dispute, aging_credit, aging_term, aging_open_dispute, aging_open_credit;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'aging';
    end if;
end
$$;

-- What the movement moved (Allocation.Component): PRINCIPAL on the issuing row and on what paid, credited,
-- reopened, rescheduled or wrote off principal; LATE_FEES, COLLECTION_COSTS likewise; null on a plan's installment.
alter table aging_movement add column component text;
-- A term's principal as of a date: its movements from the index alone.
create index aging_movement_principal_by_term on aging_movement (customer_id, invoice_id, term_id)
    include (occurred_on, recorded_at, amount, due_date) where component = 'PRINCIPAL';

-- The late-fee terms of each contract that has them.
create table aging_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- The contract of each invoice issued under one, and the decimals of its currency (fees are rounded to them).
create table aging_invoice_contract (
    customer_id  text     not null,
    invoice_id   text     not null,
    contract_id  text     not null,
    decimals     smallint not null,
    primary key (customer_id, invoice_id)
);

-- Fees recorded per term: + accrued (with the last day they cover), - taken back by a correction (all of
-- it, paid or not: what counts against the caps).
create table aging_fee (
    customer_id      text          not null,
    invoice_id       text          not null,
    term_id          text          not null,
    amount           numeric(19,4) not null,
    accrued_through  date,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null
);
create index aging_fee_by_term on aging_fee (customer_id, invoice_id, term_id) include (occurred_on, recorded_at, amount, accrued_through);

-- Invoices written off: from then on no fee accrues on their terms.
create table aging_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index aging_write_off_by_invoice on aging_write_off (customer_id, invoice_id);

-- The legal cap (an annual percentage on each day's overdue principal) from each recorded change's
-- effective date until the next (policy.LegalLateFeeCapChanged, in the one policy stream's order); a day
-- before the first change takes the first.
create table aging_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
