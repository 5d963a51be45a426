package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns the customer to a collector and a reminder tier. */
public record AssignCollector(
        @TargetAggregateIdentifier String customerId,
        LocalDate occurredOn,
        String collector,
        ReminderTier tier) implements AccountCommand {

    public AssignCollector {
        Require.id(customerId, "customerId");
        Require.date(occurredOn, "occurredOn");
        Require.id(collector, "collector");
        Require.present(tier, "tier");
    }
}
