package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Flags an early-warning signal on the customer. */
public record FlagEarlyWarning(
        @TargetAggregateIdentifier String customerId,
        String warningId,
        LocalDate occurredOn,
        EarlyWarningSignal signal,
        String note) implements AccountCommand {

    public FlagEarlyWarning {
        Require.id(customerId, "customerId");
        Require.id(warningId, "warningId");
        Require.date(occurredOn, "occurredOn");
        Require.present(signal, "signal");
        Require.optionalText(note, "note", Require.LONG_TEXT);
    }
}
