-- Read model "customer-lookup": the customer's file as of a date owes the late fees accrued to that date,
-- though the ledger records them only when it must fix an amount. Its fold has every fact of the customer
-- that fees rest on (contracts, terms, principal moves by date, fees recorded and through which day,
-- write-offs); what it lacks is the legal cap's dated schedule, a fact of the whole ledger
-- (policy.LegalLateFeeCapChanged, in its stream's order). No change of it was recorded before this
-- version, so nothing is replayed.
create table lookup_legal_cap (
    sequence_number  bigint      not null primary key,
    effective_from   date        not null,
    annual_percent   numeric     not null,
    recorded_at      timestamptz not null
);
