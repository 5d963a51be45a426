package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.receivable.InvoiceIssued;

import java.util.Arrays;

/**
 * What an auditor asks the history of. Events are stored per customer account; a contract, an
 * invoice or a legal case belongs to the accounts that recorded it (ContractRecorded,
 * InvoiceIssued, LawsuitFiled, found through an index on its id), and its history is every event of
 * those accounts whose payload names it anywhere (an allocation's invoiceId, a lawsuit's
 * invoiceIds, a delivery's contractId).
 */
enum Subject {
    CUSTOMER("customers", "customer", null, null, null),
    CONTRACT("contracts", "contract", ContractRecorded.class, "contractId", "$.** ? (@.contractId == $id)"),
    INVOICE("invoices", "invoice", InvoiceIssued.class, "invoiceId", "$.** ? (@.invoiceId == $id || @.invoiceIds == $id)"),
    LEGAL_CASE("legal-cases", "legal case", LawsuitFiled.class, "caseId", "$.** ? (@.caseId == $id)");

    /** The path segment: /customers/{id}/history, /invoices/{id}/history ... */
    final String path;
    final String name;
    private final Class<?> recordedBy;
    private final String idField;
    /** A JSON path that holds when a payload names the id ($id). */
    final String mentions;

    Subject(String path, String name, Class<?> recordedBy, String idField, String mentions) {
        this.path = path;
        this.name = name;
        this.recordedBy = recordedBy;
        this.idField = idField;
        this.mentions = mentions;
    }

    static Subject ofPath(String path) {
        return Arrays.stream(values()).filter(subject -> subject.path.equals(path)).findFirst().orElseThrow();
    }

    /**
     * The accounts that recorded the subject with the id (one parameter). The payload type is a
     * literal, not a parameter, so PostgreSQL uses the partial index of V3 for it.
     */
    String accounts() {
        if (recordedBy == null) {
            return "select aggregate_identifier from domain_event_entry where aggregate_identifier = ? and sequence_number = 0";
        }
        return "select aggregate_identifier from domain_event_entry where payload_type = '" + recordedBy.getName()
                + "' and ledger_payload(payload) ->> '" + idField + "' = ?";
    }
}
