package io.collectionsledger.projections.evidence;

import io.collectionsledger.contracts.evidence.Proof;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One fact of a customer's case file, as a row of {@code evidence_fact}: what it is, what it is
 * about, whether it carries its proof, the document and a description a lawyer can read.
 *
 * @param refs           the invoices the fact concerns; on an invoice's own row, its deliveries
 * @param eventId        the event that recorded it, with its place in the account's history and
 *                       its business date: absent on a fact being saved, which the event's own
 *                       columns accompany
 */
record EvidenceFact(
        Kind kind,
        String subjectId,
        List<String> refs,
        String contractId,
        Money money,
        LocalDate namedDate,
        boolean proves,
        String documentRef,
        String description,
        String eventId,
        long sequenceNumber,
        LocalDate occurredOn) {

    enum Kind {
        CONTRACT_VALIDITY, CONTRACT_PAYMENT_TERMS, CONTRACT_LATE_FEES, CONTRACT_DISPUTE_CLAUSE,
        INVOICE, DELIVERY, DISPUTE_RAISED, DISPUTE_RESOLVED,
        CONTACT, RECONCILIATION, PROMISE, PLAN, ASSET_LEAD, SUPPLY_SUSPENDED, SUPPLY_RESUMED,
        LETTER_SENT, LETTER_DELIVERED, GUARANTEE, LAWSUIT, PAYMENT, PAYMENT_REVERSED
    }

    /** A fact that proves what it is about and concerns no invoice in particular, until said otherwise. */
    static EvidenceFact of(Kind kind, String subjectId, String description) {
        return new EvidenceFact(kind, subjectId, List.of(), null, null, null, true, null, description, null, 0, null);
    }

    EvidenceFact concerning(List<String> invoiceIds) {
        return new EvidenceFact(kind, subjectId, List.copyOf(invoiceIds), contractId, money, namedDate, proves, documentRef, description,
                eventId, sequenceNumber, occurredOn);
    }

    EvidenceFact underContract(String contract) {
        return new EvidenceFact(kind, subjectId, refs, contract, money, namedDate, proves, documentRef, description,
                eventId, sequenceNumber, occurredOn);
    }

    EvidenceFact amounting(Money amount) {
        return new EvidenceFact(kind, subjectId, refs, contractId, amount, namedDate, proves, documentRef, description,
                eventId, sequenceNumber, occurredOn);
    }

    EvidenceFact naming(LocalDate date) {
        return new EvidenceFact(kind, subjectId, refs, contractId, money, date, proves, documentRef, description,
                eventId, sequenceNumber, occurredOn);
    }

    EvidenceFact proving(boolean carriesProof) {
        return new EvidenceFact(kind, subjectId, refs, contractId, money, namedDate, carriesProof, documentRef, description,
                eventId, sequenceNumber, occurredOn);
    }

    EvidenceFact document(String ref) {
        return new EvidenceFact(kind, subjectId, refs, contractId, money, namedDate, proves, ref, description,
                eventId, sequenceNumber, occurredOn);
    }

    boolean concerns(String invoiceId) {
        return refs.contains(invoiceId);
    }

    Proof proof() {
        return new Proof(eventId, occurredOn, documentRef, description);
    }
}
