-- The statement follows late fees (and a plan's interest), what a payment plan moved off a term,
-- and what was written off.
alter table statement_term
    add column late_fees   numeric(19,4) not null default 0,
    add column written_off numeric(19,4) not null default 0,
    add column rescheduled numeric(19,4) not null default 0;
