package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("delivery.DeliveryRecorded")
@Revision("1")
public record DeliveryRecorded(
        String customerId,
        String deliveryId,
        LocalDate occurredOn,
        DeliveryDetails details) implements AccountEvent {
}
