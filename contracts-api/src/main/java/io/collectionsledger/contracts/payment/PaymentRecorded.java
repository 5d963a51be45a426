package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Money received, how it was allocated on its date, and what was left over as unapplied credit.
 * Allocations name only receivables issued by the payment's date; what the ledger set against one
 * issued later is unapplied here and applied on that receivable's date ({@link UnappliedCreditApplied}
 * naming this payment).
 */
@EventType("payment.PaymentRecorded")
@Revision("1")
public record PaymentRecorded(
        String customerId,
        String paymentId,
        LocalDate occurredOn,
        Money amount,
        RecordPayment.Method method,
        String reference,
        List<Allocation> allocations,
        Money unapplied) implements AccountEvent {
}
