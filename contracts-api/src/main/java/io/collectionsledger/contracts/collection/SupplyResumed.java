package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Supply to the customer resumed. */
@EventType("collection.SupplyResumed")
@Revision("1")
public record SupplyResumed(
        String customerId,
        LocalDate occurredOn,
        String reason) implements AccountEvent {
}
