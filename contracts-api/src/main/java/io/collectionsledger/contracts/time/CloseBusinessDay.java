package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records what the passing of business days through this one produced for one account: promise
 * outcomes, overdue stages, late fees, order holds, each on the business day it belongs to. Sent by
 * the close-of-day job once a run to each account due, for the run's last day, however many days
 * the run catches up (fees taken back for an earlier rule are dated the day named); closing a day
 * twice produces nothing the second time.
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
