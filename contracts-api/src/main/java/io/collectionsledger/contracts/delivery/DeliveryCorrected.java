package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A delivery's details corrected; {@code previous} is what stood before, kept beside the correction. */
@EventType("delivery.DeliveryCorrected")
@Revision("1")
public record DeliveryCorrected(
        String customerId,
        String deliveryId,
        LocalDate occurredOn,
        String reason,
        DeliveryDetails previous,
        DeliveryDetails corrected) implements AccountEvent {
}
