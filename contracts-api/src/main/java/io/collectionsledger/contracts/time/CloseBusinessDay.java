package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records what the passing of a business day produced for one account: promise outcomes,
 * overdue stages, late fees, order holds. Sent by the close-of-day job for every day in turn;
 * closing a day twice produces nothing the second time.
 */
public record CloseBusinessDay(@TargetAggregateIdentifier String customerId, LocalDate businessDate) implements AccountCommand {

    public CloseBusinessDay {
        Require.id(customerId, "customerId");
        Require.date(businessDate, "businessDate");
    }

    /** The facts a day produces belong to that day. */
    @Override
    public LocalDate occurredOn() {
        return businessDate;
    }
}
