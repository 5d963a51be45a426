package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The courier's proof that the letter was delivered: a demand with proof restarts the limitation period. */
public record ConfirmDunningLetterDelivery(
        @TargetAggregateIdentifier String customerId,
        String letterId,
        LocalDate occurredOn,
        String receivedBy,
        String proofRef) implements AccountCommand {

    public ConfirmDunningLetterDelivery {
        Require.id(customerId, "customerId");
        Require.id(letterId, "letterId");
        Require.date(occurredOn, "occurredOn");
        Require.optionalText(receivedBy, "receivedBy", Require.SHORT_TEXT);
        Require.text(proofRef, "proofRef", Require.SHORT_TEXT);
    }
}
