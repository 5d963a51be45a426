package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("payment.UnappliedCreditRefunded")
@Revision("1")
public record UnappliedCreditRefunded(
        String customerId,
        String refundId,
        LocalDate occurredOn,
        Money amount,
        String reference) implements AccountEvent {
}
