-- Read model "customer-dossier": every record of the ledger's own party (the sender of its
-- letters), with its business date and recording time; the one in force as of a date, as known at
-- a time, is the latest dated on or before the date among those recorded by the time.
create table dossier_ledger_party (
    sequence_number      bigint      primary key,
    occurred_on          date        not null,
    recorded_at          timestamptz not null,
    name                 text        not null,
    registration_number  text,
    postal_address       text        not null,
    postcode             text,
    bank_name            text,
    bank_account         text
);
