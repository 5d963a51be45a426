package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Logs one collection contact: channel, who was reached, the outcome and the excuse given. */
public record LogContactAttempt(
        @TargetAggregateIdentifier String customerId,
        String contactId,
        LocalDate occurredOn,
        String collector,
        Channel channel,
        String partyReached,
        ContactOutcome outcome,
        Excuse excuse,
        String excuseText,
        String recordingRef) implements AccountCommand {

    public LogContactAttempt {
        Require.id(customerId, "customerId");
        Require.id(contactId, "contactId");
        Require.date(occurredOn, "occurredOn");
        Require.optionalId(collector, "collector");
        Require.present(channel, "channel");
        Require.optionalText(partyReached, "partyReached", Require.SHORT_TEXT);
        Require.present(outcome, "outcome");
        Require.optionalText(excuseText, "excuseText", Require.LONG_TEXT);
        if (excuse == Excuse.OTHER && (excuseText == null || excuseText.isBlank())) {
            throw new InvalidValue("excuseText", "is required when the excuse is OTHER");
        }
        Require.optionalText(recordingRef, "recordingRef", Require.SHORT_TEXT);
    }
}
