package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Pays unapplied credit back to the customer. */
public record RefundUnappliedCredit(
        @TargetAggregateIdentifier String customerId,
        String refundId,
        LocalDate occurredOn,
        Money amount,
        String reference) implements AccountCommand {

    public RefundUnappliedCredit {
        Require.id(customerId, "customerId");
        Require.id(refundId, "refundId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.optionalText(reference, "reference", Require.SHORT_TEXT);
    }
}
