package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An early-warning signal flagged on the customer. */
@EventType("collection.EarlyWarningFlagged")
@Revision("1")
public record EarlyWarningFlagged(
        String customerId,
        String warningId,
        LocalDate occurredOn,
        EarlyWarningSignal signal,
        String note) implements AccountEvent {
}
