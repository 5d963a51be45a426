package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@EventType("payment.UnappliedCreditApplied")
@Revision("1")
public record UnappliedCreditApplied(
        String customerId,
        String applicationId,
        LocalDate occurredOn,
        Money amount,
        List<Allocation> allocations) implements AccountEvent {
}
