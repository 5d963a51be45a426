package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The hold on new orders ends: nothing is left open long past due. */
@EventType("time.OrdersReleased")
@Revision("1")
public record OrdersReleased(
        String customerId,
        LocalDate occurredOn,
        String reason) implements AccountEvent {
}
