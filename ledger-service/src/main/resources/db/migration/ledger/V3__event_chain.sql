-- The hash chain over the journal (see ChainHash in contracts-api for the canonical form). One
-- row per event, in global_index order, written by the Chainer after the event was committed:
-- hash = SHA-256(hash of previous_index || canonical form of the event). previous_index is the
-- event chained before (0 for the first); it only helps the verifier say which event went
-- missing, the hash is what proves it. Rows are never updated.
create table event_chain (
    global_index   bigint      primary key references domain_event_entry (global_index),
    previous_index bigint      not null,
    hash           char(64)    not null,
    chained_at     timestamptz not null
);

-- The payload as jsonb. convert_from is only STABLE (encodings can change in general); the
-- database's encoding cannot, so for our UTF-8 JSON it is immutable and may be indexed.
create function ledger_payload(payload bytea) returns jsonb
    language sql immutable strict parallel safe
    as $$ select convert_from(payload, 'UTF8')::jsonb $$;

-- The accounts that recorded a contract, an invoice or a lawsuit, found from its id: the history
-- of /contracts/{id}, /invoices/{id} and /legal-cases/{id} reads only those accounts' events.
-- Partial: only these three event types pay for the index.
create index domain_event_entry_contract on domain_event_entry ((ledger_payload(payload) ->> 'contractId'))
    where payload_type = 'io.collectionsledger.contracts.contract.ContractRecorded';
create index domain_event_entry_invoice on domain_event_entry ((ledger_payload(payload) ->> 'invoiceId'))
    where payload_type = 'io.collectionsledger.contracts.receivable.InvoiceIssued';
create index domain_event_entry_case on domain_event_entry ((ledger_payload(payload) ->> 'caseId'))
    where payload_type = 'io.collectionsledger.contracts.litigation.LawsuitFiled';
