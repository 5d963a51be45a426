-- Read model "customer-statement" as of any business date, as known at any time: beside what is
-- open on each term now, every change to it is kept as a movement with its business date, its
-- recording time and the component it was set against (late fees or principal), and so is every
-- change to the unapplied credit.
-- The rows written before this version carry no history, so the read model is emptied and its
-- tokens are removed: its processor finds no token when the service starts and replays the journal.
truncate statement_term, statement_credit;
do $$
begin
    if to_regclass('token_entry') is not null then
        delete from token_entry where processor_name = 'customer-statement';
    end if;
end
$$;

alter table statement_term add column issued_at timestamptz not null;

create table statement_movement (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    kind         text          not null,  -- late_fees, credited, paid, written_off, rescheduled
    component    text,                    -- what a reduction was set against (Allocation.Component); null on late fees added
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index statement_movement_by_term on statement_movement (customer_id, invoice_id, term_id)
    include (kind, component, amount, occurred_on, recorded_at);

create table statement_credit_movement (
    customer_id  text          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null
);
create index statement_credit_movement_by_customer on statement_credit_movement (customer_id);
