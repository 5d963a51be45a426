package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.ledger.journal.Journal;

import java.util.Arrays;

/**
 * What an auditor asks the history of. Events are stored per customer account; a contract, an
 * invoice or a legal case belongs to the accounts that recorded it (ContractRecorded,
 * InvoiceIssued, LawsuitFiled, found through an index on its id), and its history is every event of
 * those accounts whose payload names it anywhere (an allocation's invoiceId, a lawsuit's
 * invoiceIds, a delivery's contractId).
 */
enum Subject {
    CUSTOMER("customers", "customer", null),
    CONTRACT("contracts", "contract", recordedBy(ContractRecorded.class, "contractId", "$.** ? (@.contractId == $id)")),
    INVOICE("invoices", "invoice", recordedBy(InvoiceIssued.class, "invoiceId", "$.** ? (@.invoiceId == $id || @.invoiceIds == $id)")),
    LEGAL_CASE("legal-cases", "legal case", recordedBy(LawsuitFiled.class, "caseId", "$.** ? (@.caseId == $id)"));

    /** The path segment: /customers/{id}/history, /invoices/{id}/history ... */
    final String path;
    final String name;
    /** How the journal finds the accounts that recorded it, and the events naming it; null for a customer, whose account it is. */
    final Journal.RecordedBy recordedBy;

    Subject(String path, String name, Journal.RecordedBy recordedBy) {
        this.path = path;
        this.name = name;
        this.recordedBy = recordedBy;
    }

    static Subject ofPath(String path) {
        return Arrays.stream(values()).filter(subject -> subject.path.equals(path)).findFirst().orElseThrow();
    }

    /** @param mentions a JSON path that holds when a payload names the id ($id) */
    private static Journal.RecordedBy recordedBy(Class<?> event, String idField, String mentions) {
        return new Journal.RecordedBy(event.getAnnotation(EventType.class).value(), idField, mentions);
    }
}
