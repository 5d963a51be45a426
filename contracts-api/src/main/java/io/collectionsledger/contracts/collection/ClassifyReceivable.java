package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Classifies an invoice: current, overdue, doubtful, bad or dormant. */
public record ClassifyReceivable(
        @TargetAggregateIdentifier String customerId,
        String invoiceId,
        LocalDate occurredOn,
        ReceivableClass receivableClass,
        String reason) implements AccountCommand {

    public ClassifyReceivable {
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
        Require.date(occurredOn, "occurredOn");
        Require.present(receivableClass, "receivableClass");
        Require.optionalText(reason, "reason", Require.LONG_TEXT);
    }
}
