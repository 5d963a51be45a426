package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The customer's collector and reminder tier. */
@Revision("1")
public record CollectorAssigned(
        String customerId,
        LocalDate occurredOn,
        String collector,
        ReminderTier tier) implements AccountEvent {
}
