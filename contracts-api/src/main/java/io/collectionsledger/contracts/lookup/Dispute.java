package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;

/** A dispute raised on an invoice, and its resolution (null while open). */
public record Dispute(@NeverAbsent String disputeId, @NeverAbsent String invoiceId, @NeverAbsent LocalDate occurredOn,
                      @NeverAbsent Instant recordedAt, @NeverAbsent Money amount, @NeverAbsent DisputeReason reason,
                      @NeverAbsent String description, Resolution resolution) {

    public record Resolution(@NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                             @NeverAbsent ResolveDispute.Resolution resolution, Money amount, @NeverAbsent String description) {
    }
}
