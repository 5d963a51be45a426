package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An invoice's class changed. */
@EventType("collection.ReceivableClassified")
@Revision("1")
public record ReceivableClassified(
        String customerId,
        String invoiceId,
        LocalDate occurredOn,
        ReceivableClass receivableClass,
        String reason) implements AccountEvent {
}
