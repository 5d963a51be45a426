package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivery or service performed: {@code details} as they stand after the corrections,
 * {@code original} as first recorded, and every correction beside it.
 */
public record Delivery(String deliveryId, LocalDate occurredOn, Instant recordedAt, DeliveryDetails details,
                       DeliveryDetails original, List<Correction> corrections) {

    /** One correction: what stood before and what replaced it. */
    public record Correction(@NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt, @NeverAbsent String reason,
                             DeliveryDetails previous, @NeverAbsent DeliveryDetails corrected) {
    }
}
