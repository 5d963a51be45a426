package io.collectionsledger.contracts.dispute;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Ends a dispute. Upheld means the customer was right (the money side follows as a credit note);
 * rejected means the amount is owed after all; settled, somewhere between, as described.
 */
public record ResolveDispute(
        @TargetAggregateIdentifier String customerId,
        String disputeId,
        LocalDate occurredOn,
        Resolution resolution,
        String description) implements AccountCommand {

    public enum Resolution { UPHELD, REJECTED, SETTLED }

    public ResolveDispute {
        Require.id(customerId, "customerId");
        Require.id(disputeId, "disputeId");
        Require.date(occurredOn, "occurredOn");
        Require.present(resolution, "resolution");
        Require.text(description, "description", Require.LONG_TEXT);
    }
}
