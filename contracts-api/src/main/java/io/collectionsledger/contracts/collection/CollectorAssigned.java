package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The customer's collector and reminder tier. */
@EventType("collection.CollectorAssigned")
@Revision("1")
public record CollectorAssigned(
        String customerId,
        LocalDate occurredOn,
        String collector,
        ReminderTier tier) implements AccountEvent {
}
