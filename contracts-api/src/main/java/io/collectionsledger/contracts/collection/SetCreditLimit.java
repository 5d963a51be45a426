package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets or changes the customer's credit limit. */
public record SetCreditLimit(
        @TargetAggregateIdentifier String customerId,
        LocalDate occurredOn,
        Money limit,
        String reason) implements AccountCommand {

    public SetCreditLimit {
        Require.id(customerId, "customerId");
        Require.date(occurredOn, "occurredOn");
        Require.present(limit, "limit");
        if (limit.signum() < 0) {
            throw new io.collectionsledger.contracts.shared.InvalidValue("limit", "must not be negative");
        }
        Require.text(reason, "reason", Require.LONG_TEXT);
    }
}
