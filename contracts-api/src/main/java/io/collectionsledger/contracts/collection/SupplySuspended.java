package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Supply to the customer suspended. */
@Revision("1")
public record SupplySuspended(
        String customerId,
        LocalDate occurredOn,
        String reason) implements AccountEvent {
}
