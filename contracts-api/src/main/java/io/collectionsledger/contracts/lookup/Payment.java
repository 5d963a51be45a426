package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Money received: how it was allocated, what was left unapplied, and its reversal if it bounced (null otherwise). */
public record Payment(String paymentId, LocalDate occurredOn, Instant recordedAt, Money amount, RecordPayment.Method method,
                      String reference, List<Allocation> allocations, Money unapplied, Reversal reversal) {

    /** What the reversal reopened on the invoices and took back out of the unapplied credit. */
    public record Reversal(LocalDate occurredOn, Instant recordedAt, String reason, List<Allocation> reopened,
                           Money unappliedReversed) {
    }
}
