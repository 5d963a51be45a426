-- Read model "evidence-checklist": what is open on each receivable as of a date owes the late fees
-- accrued to that date, though the ledger records them only when it must fix an amount. To each open
-- overdue term of an invoice under a contract with late-fee terms it adds the fees accrued after the
-- last recorded day (io.collectionsledger.contracts.time.AccruingLateFees, as the statement of account
-- does), for which it keeps what each movement moved, the fees recorded and through which day, the
-- contracts' late-fee terms, the write-offs and the legal cap's dated schedule.
-- The rows written before this version carry none of them, so the read model is emptied and its tokens
-- are removed: its processor finds no token when the service starts and replays the journal.
truncate evidence_fact, evidence_term_movement;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'evidence-checklist';
    end if;
end
$$;

-- What an allocation's row moved (Allocation.Component: PRINCIPAL, LATE_FEES, COLLECTION_COSTS); null on
-- the row that creates a term or installment, on fees accrued and on a correction.
alter table evidence_term_movement add column component text;
-- The change to the fees recorded on the term: + accrued, - taken back by a correction (all of it, paid or
-- not: what counts against the caps, where amount is only what left the open fees); null on other rows.
alter table evidence_term_movement add column fees_recorded numeric(19,4);
-- On late fees accrued: the last day they cover.
alter table evidence_term_movement add column accrued_through date;

-- The late-fee terms of each contract that has them.
create table evidence_late_fee_terms (
    customer_id               text    not null,
    contract_id               text    not null,
    daily_rate_percent        numeric not null,
    cap_percent_of_principal  numeric not null,
    primary key (customer_id, contract_id)
);

-- Invoices written off: from then on no fee accrues on their terms.
create table evidence_write_off (
    customer_id  text        not null,
    invoice_id   text        not null,
    occurred_on  date        not null,
    recorded_at  timestamptz not null
);
create index evidence_write_off_by_customer on evidence_write_off (customer_id);

-- The legal cap from each recorded change's effective date (policy.LegalLateFeeCapChanged, in its stream's order).
create table evidence_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
