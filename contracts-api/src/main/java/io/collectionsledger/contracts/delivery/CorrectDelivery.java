package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Corrects a delivery recorded by mistake. The original is never edited: the correction stands
 * beside it, with the reason.
 */
public record CorrectDelivery(
        @TargetAggregateIdentifier String customerId,
        String deliveryId,
        LocalDate occurredOn,
        String reason,
        DeliveryDetails corrected) implements AccountCommand {

    public CorrectDelivery {
        Require.id(customerId, "customerId");
        Require.id(deliveryId, "deliveryId");
        Require.date(occurredOn, "occurredOn");
        Require.text(reason, "reason", Require.LONG_TEXT);
        Require.present(corrected, "corrected");
    }
}
