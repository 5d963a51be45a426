package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A payment reversed: everything it paid is open again (what the ledger applied of it to
 * receivables issued after its date included), and its excess is taken back out of the unapplied
 * credit (which goes below zero if that credit was already used: the customer owes it).
 */
@EventType("payment.PaymentReversed")
@Revision("1")
public record PaymentReversed(
        String customerId,
        String paymentId,
        LocalDate occurredOn,
        String reason,
        Money amount,
        List<Allocation> reopened,
        Money unappliedReversed) implements AccountEvent {
}
