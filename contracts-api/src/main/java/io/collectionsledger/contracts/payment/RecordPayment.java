package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records money received. It is set against open terms as the payer instructs; whatever the payer
 * does not assign goes by the legal order (due first; costs, then late fees, then principal), and
 * an excess is kept as unapplied credit.
 */
public record RecordPayment(
        @TargetAggregateIdentifier String customerId,
        String paymentId,
        LocalDate occurredOn,
        Money amount,
        Method method,
        String reference,
        List<AllocationInstruction> allocations) implements AccountCommand {

    public enum Method { BANK_TRANSFER, CHEQUE, POSTDATED_CHEQUE, BANK_ACCEPTANCE_BILL, CASH, OTHER }

    public RecordPayment {
        Require.id(customerId, "customerId");
        Require.id(paymentId, "paymentId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.present(method, "method");
        Require.optionalText(reference, "reference", Require.SHORT_TEXT);
        allocations = Require.list(allocations, "allocations");
        Require.distinct(allocations, AllocationInstruction::invoiceId, "allocations");
    }
}
