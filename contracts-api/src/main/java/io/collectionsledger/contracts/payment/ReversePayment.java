package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reverses a payment that did not arrive after all, such as a bounced cheque. */
public record ReversePayment(
        @TargetAggregateIdentifier String customerId,
        String paymentId,
        LocalDate occurredOn,
        String reason) implements AccountCommand {

    public ReversePayment {
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        Require.date(occurredOn, "occurredOn");
        Require.text(reason, "reason", Require.LONG_TEXT);
    }
}
