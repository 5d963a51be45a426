package io.collectionsledger.contracts.writeoff;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Gives up on (part of) an invoice. It stays recoverable; no other collection action may touch it. */
public record WriteOffReceivable(
        @TargetAggregateIdentifier String customerId,
        String invoiceId,
        String writeOffId,
        LocalDate occurredOn,
        Money amount,
        String reason) implements AccountCommand {

    public WriteOffReceivable {
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
        Require.id(writeOffId, "writeOffId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.text(reason, "reason", Require.LONG_TEXT);
    }
}
