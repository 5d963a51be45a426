package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dunning letter sent, and the courier's proof of its delivery (null until recorded). */
public record Letter(String letterId, LocalDate occurredOn, Instant recordedAt, int level, List<String> invoiceIds,
                     Money amountDemanded, Money lateFeesDemanded, LocalDate deadline, boolean rightsReserved, String courier,
                     String waybill, String documentRef, Delivered delivery) {

    public record Delivered(@NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt, String receivedBy, @NeverAbsent String proofRef) {
    }
}
