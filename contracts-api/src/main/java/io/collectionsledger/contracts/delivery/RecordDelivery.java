package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records a delivery of goods or a performed service: proof that we did our part. */
public record RecordDelivery(
        @TargetAggregateIdentifier String customerId,
        String deliveryId,
        LocalDate occurredOn,
        DeliveryDetails details) implements AccountCommand {

    public RecordDelivery {
        Require.id(customerId, "customerId");
        Require.id(deliveryId, "deliveryId");
        Require.date(occurredOn, "occurredOn");
        Require.present(details, "details");
    }
}
