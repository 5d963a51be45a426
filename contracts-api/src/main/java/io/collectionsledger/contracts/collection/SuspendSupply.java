package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops shipments or service to the customer. */
public record SuspendSupply(
        @TargetAggregateIdentifier String customerId,
        LocalDate occurredOn,
        String reason) implements AccountCommand {

    public SuspendSupply {
        Require.id(customerId, "customerId");
        Require.date(occurredOn, "occurredOn");
        Require.text(reason, "reason", Require.LONG_TEXT);
    }
}
