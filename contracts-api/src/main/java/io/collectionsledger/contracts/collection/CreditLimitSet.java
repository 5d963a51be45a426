package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The credit limit set by a credit manager; previous is null the first time. */
@EventType("collection.CreditLimitSet")
@Revision("1")
public record CreditLimitSet(
        String customerId,
        LocalDate occurredOn,
        Money previous,
        Money limit,
        String reason) implements AccountEvent {
}
