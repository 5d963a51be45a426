package io.collectionsledger.contracts.dispute;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The customer contests part of an invoice; that part is not simply overdue and pauses dunning. */
public record RaiseDispute(
        @TargetAggregateIdentifier String customerId,
        String disputeId,
        LocalDate occurredOn,
        String invoiceId,
        Money amount,
        DisputeReason reason,
        String description) implements AccountCommand {

    public RaiseDispute {
        Require.id(customerId, "customerId");
        Require.id(disputeId, "disputeId");
        Require.date(occurredOn, "occurredOn");
        Require.id(invoiceId, "invoiceId");
        Require.positive(amount, "amount");
        Require.present(reason, "reason");
        Require.text(description, "description", Require.LONG_TEXT);
    }
}
