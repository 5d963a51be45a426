package io.collectionsledger.contracts.writeoff;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Money received on a written-off invoice ("collection after write-off"). */
public record RecordRecoveryAfterWriteOff(
        @TargetAggregateIdentifier String customerId,
        String invoiceId,
        String recoveryId,
        LocalDate occurredOn,
        Money amount,
        String reference) implements AccountCommand {

    public RecordRecoveryAfterWriteOff {
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
        Require.id(recoveryId, "recoveryId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.optionalText(reference, "reference", Require.SHORT_TEXT);
    }
}
