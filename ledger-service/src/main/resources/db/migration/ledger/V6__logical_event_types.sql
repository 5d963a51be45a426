-- Account events are stored under logical type names, <concept>.<EventName> (payment.PaymentRecorded),
-- that do not depend on the Java package (issue 14). Rows written before carry the class name,
-- io.collectionsledger.contracts.payment.PaymentRecorded; their logical name is that name without
-- the prefix, frozen as it was then. Stored rows are never rewritten: the hash chain covers them.

-- The partial indexes of V3 that find the accounts holding a contract, an invoice or a legal case
-- cover both names; Journal.accountsRecording names both as literals, in this order.
drop index domain_event_entry_contract;
create index domain_event_entry_contract on domain_event_entry ((ledger_payload(payload) ->> 'contractId'))
    where payload_type in ('contract.ContractRecorded', 'io.collectionsledger.contracts.contract.ContractRecorded');
drop index domain_event_entry_invoice;
create index domain_event_entry_invoice on domain_event_entry ((ledger_payload(payload) ->> 'invoiceId'))
    where payload_type in ('receivable.InvoiceIssued', 'io.collectionsledger.contracts.receivable.InvoiceIssued');
drop index domain_event_entry_case;
create index domain_event_entry_case on domain_event_entry ((ledger_payload(payload) ->> 'caseId'))
    where payload_type in ('litigation.LawsuitFiled', 'io.collectionsledger.contracts.litigation.LawsuitFiled');

-- For people: the journal as readable JSON, each event under its logical type name whichever way it
-- was stored; the type as stored (what the chain hashes) is the last column.
create or replace view event_journal as
select global_index,
       aggregate_identifier,
       sequence_number,
       case when payload_type like 'io.collectionsledger.contracts.%'
            then substr(payload_type, length('io.collectionsledger.contracts.') + 1)
            else payload_type end::varchar(255) as payload_type,
       payload_revision,
       time_stamp,
       convert_from(payload, 'UTF8')::jsonb   as payload,
       convert_from(meta_data, 'UTF8')::jsonb as meta_data,
       payload_type                           as stored_payload_type
from domain_event_entry;
