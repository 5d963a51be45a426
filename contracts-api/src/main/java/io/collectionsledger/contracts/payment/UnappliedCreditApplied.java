package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Unapplied credit set against open terms on {@code occurredOn}: as the customer asked
 * ({@code paymentId} null), or by the ledger, for a payment dated before a receivable it was
 * allocated to: that money was credit until the receivable was issued, and settles it on the
 * receivable's date ({@code paymentId} names the payment, whose reversal reopens what it settled).
 */
@EventType("payment.UnappliedCreditApplied")
@Revision("2")
public record UnappliedCreditApplied(
        String customerId,
        String applicationId,
        LocalDate occurredOn,
        Money amount,
        List<Allocation> allocations,
        String paymentId) implements AccountEvent {
}
