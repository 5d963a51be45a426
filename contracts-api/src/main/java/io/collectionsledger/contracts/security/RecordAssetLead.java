package io.collectionsledger.contracts.security;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Where money could be found if it comes to enforcement. */
public record RecordAssetLead(
        @TargetAggregateIdentifier String customerId,
        String leadId,
        LocalDate occurredOn,
        Kind kind,
        String description,
        String source) implements AccountCommand {

    public enum Kind { BANK_ACCOUNT, LAND_OR_BUILDING, OWN_RECEIVABLE, AFFILIATE, ACTUAL_CONTROLLER, UNPAID_CAPITAL }

    public RecordAssetLead {
        Require.id(customerId, "customerId");
        Require.id(leadId, "leadId");
        Require.date(occurredOn, "occurredOn");
        Require.present(kind, "kind");
        Require.text(description, "description", Require.LONG_TEXT);
        Require.optionalText(source, "source", Require.SHORT_TEXT);
    }
}
