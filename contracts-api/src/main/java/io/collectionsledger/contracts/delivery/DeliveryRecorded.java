package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.AccountEvent;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DeliveryRecorded(
        String customerId,
        String deliveryId,
        LocalDate occurredOn,
        DeliveryDetails details) implements AccountEvent {
}
