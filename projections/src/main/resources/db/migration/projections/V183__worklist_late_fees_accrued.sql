-- Read model "worklist": what is open and overdue as of a date owes the late fees accrued to that date,
-- though the ledger records them only when it must fix an amount (a payment allocated, a letter or
-- statement, a write-off, a month's end, a cap reached); the amounts rank customers and the list says
-- what they owe. It adds, to each open overdue term under a contract with late-fee terms, the fees accrued
-- after the last recorded day, computed in the query as the aging report does
-- (io.collectionsledger.projections.shared.LateFeesAccruedSql), from tables of the same shape as aging's:
-- what each movement moved, each invoice's contract, the contracts' late-fee terms, the fees recorded and
-- through which day, the write-offs and the legal cap's dated schedule.
-- The rows written before this version carry neither the contracts nor the components, so the read
-- model is emptied and its tokens are removed: its processor finds no token when the service starts
-- and replays the journal.
truncate worklist_customer, worklist_movement, worklist_dispute, worklist_collector, worklist_restart,
         worklist_promise_outcome, worklist_warning, worklist_orders_held, worklist_letter, worklist_case;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'worklist';
    end if;
end
$$;

-- What the movement moved (Allocation.Component): PRINCIPAL on the issuing row and on what paid, credited,
-- reopened, rescheduled or wrote off principal; LATE_FEES, COLLECTION_COSTS likewise; null on a plan's installment.
alter table worklist_movement add column component text;
-- A term's principal as of a date: its movements from the index alone.
create index worklist_movement_principal_by_term on worklist_movement (customer_id, invoice_id, term_id)
    include (occurred_on, recorded_at, amount, due_date) where component = 'PRINCIPAL';

-- The late-fee terms of each contract that has them.
create table worklist_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- The contract of each invoice issued under one, and the decimals of its currency (fees are rounded to them).
create table worklist_invoice_contract (
    customer_id  text     not null,
    invoice_id   text     not null,
    contract_id  text     not null,
    decimals     smallint not null,
    primary key (customer_id, invoice_id)
);

-- Fees recorded per term: + accrued (with the last day they cover), - taken back by a correction (all of
-- it, paid or not: what counts against the caps).
create table worklist_fee (
    customer_id      text          not null,
    invoice_id       text          not null,
    term_id          text          not null,
    amount           numeric(19,4) not null,
    accrued_through  date,
    occurred_on      date          not null,
    recorded_at      timestamptz   not null
);
create index worklist_fee_by_term on worklist_fee (customer_id, invoice_id, term_id) include (occurred_on, recorded_at, amount, accrued_through);

-- Invoices written off: from then on no fee accrues on their terms.
create table worklist_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index worklist_write_off_by_invoice on worklist_write_off (customer_id, invoice_id);

-- The legal cap from each recorded change's effective date (policy.LegalLateFeeCapChanged, in its stream's order).
create table worklist_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
