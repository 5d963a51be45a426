package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Supply to the customer suspended. */
@EventType("collection.SupplySuspended")
@Revision("1")
public record SupplySuspended(
        String customerId,
        LocalDate occurredOn,
        String reason) implements AccountEvent {
}
