package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Sets unapplied credit against open terms, as instructed or else by the legal order. */
public record ApplyUnappliedCredit(
        @TargetAggregateIdentifier String customerId,
        String applicationId,
        LocalDate occurredOn,
        Money amount,
        List<AllocationInstruction> allocations) implements AccountCommand {

    public ApplyUnappliedCredit {
        Require.id(customerId, "customerId");
        Require.id(applicationId, "applicationId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        allocations = Require.list(allocations, "allocations");
        Require.distinct(allocations, AllocationInstruction::invoiceId, "allocations");
    }
}
