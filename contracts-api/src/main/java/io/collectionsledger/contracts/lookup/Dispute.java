package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A dispute raised on an invoice, and its resolution (null while open). */
public record Dispute(String disputeId, String invoiceId, LocalDate occurredOn, Instant recordedAt, Money amount,
                      DisputeReason reason, String description, Resolution resolution) {

    public record Resolution(LocalDate occurredOn, Instant recordedAt, ResolveDispute.Resolution resolution, Money amount,
                             String description) {
    }
}
