package io.collectionsledger.contracts.dossier;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/** A dunning letter sent, and its delivery when the courier's proof was recorded by then (deliveredOn absent otherwise). */
public record LetterOnFile(
        String letterId,
        LocalDate sentOn,
        int level,
        List<String> invoiceIds,
        Money amountDemanded,
        Money lateFeesDemanded,
        LocalDate deadline,
        String courier,
        String waybill,
        String documentRef,
        LocalDate deliveredOn,
        String receivedBy,
        String proofRef) {
}
