package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The customer's collector and reminder tier. */
@Revision("1")
public record CollectorAssigned(
        String customerId,
        LocalDate occurredOn,
        String collector,
        ReminderTier tier) implements AccountEvent {
}
