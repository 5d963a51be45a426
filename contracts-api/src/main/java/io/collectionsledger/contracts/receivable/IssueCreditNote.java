package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Reduces what an invoice asks for (returned goods, a price correction). It reduces the named
 * term, or else the invoice's latest-due terms first, and never more than is still open.
 */
public record IssueCreditNote(
        @TargetAggregateIdentifier String customerId,
        String invoiceId,
        String creditNoteId,
        LocalDate occurredOn,
        Money amount,
        String termId,
        String reason) implements AccountCommand {

    public IssueCreditNote {
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
        Require.id(creditNoteId, "creditNoteId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.optionalId(termId, "termId");
        Require.text(reason, "reason", Require.LONG_TEXT);
    }
}
