-- Read model "evidence-checklist": the facts a lawyer checks before suing, each with the event that
-- recorded it, the business date it happened and the time it was recorded. Rows are never
-- updated, so the checklist as of any date, as known at any time, is read from the rows that qualify.
create table evidence_fact (
    customer_id     text          not null,
    event_id        text          not null,
    sequence_number bigint        not null,  -- the fact's place in the account's history: a later correction wins
    occurred_on     date          not null,
    recorded_at     timestamptz   not null,
    kind            text          not null,  -- what the fact is (EvidenceFact.Kind)
    subject_id      text          not null,  -- what it is about: the contract, delivery, invoice, letter, payment...
    refs            text[]        not null,  -- the invoices it concerns (an invoice's own row: its deliveries)
    contract_id     text,                    -- an invoice's contract
    currency        char(3),
    amount          numeric(19,4),
    named_date      date,                    -- the balance date of a statement, the promised date of a promise
    proves          boolean       not null,  -- it carries its proof: validity evidence, a signed receipt, a recording, a written form
    document_ref    text,
    description     text          not null
);
create index evidence_fact_by_customer on evidence_fact (customer_id, occurred_on);

-- What is open on each invoice term (and payment-plan installment, under the plan's id): + issued
-- and late fees, - paid, credited, written off, moved into a plan. The due date is on the row
-- that creates the term.
create table evidence_term_movement (
    customer_id  text          not null,
    invoice_id   text          not null,
    term_id      text          not null,
    currency     char(3)       not null,
    due_date     date,
    amount       numeric(19,4) not null,
    occurred_on  date          not null,
    recorded_at  timestamptz   not null,
    event_id     text          not null
);
create index evidence_term_movement_by_customer on evidence_term_movement (customer_id, occurred_on);
