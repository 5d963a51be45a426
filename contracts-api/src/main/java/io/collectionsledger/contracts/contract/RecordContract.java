package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Records the agreement behind the debt: its validity evidence, payment terms, late fees and dispute clause. */
public record RecordContract(
        @TargetAggregateIdentifier String customerId,
        String contractId,
        LocalDate occurredOn,
        List<ValidityEvidence> validity,
        List<PaymentTerm> paymentTerms,
        LateFeeTerms lateFees,
        DisputeClause disputeClause,
        String documentRef) implements AccountCommand {

    public RecordContract {
        Require.id(customerId, "customerId");
        Require.id(contractId, "contractId");
        Require.date(occurredOn, "occurredOn");
        validity = Require.list(validity, "validity");
        paymentTerms = Require.list(paymentTerms, "paymentTerms");
        Require.distinct(paymentTerms, PaymentTerm::termId, "paymentTerms");
        if (!paymentTerms.isEmpty()) {
            BigDecimal total = paymentTerms.stream().map(PaymentTerm::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
                throw new InvalidValue("paymentTerms", "percentages add up to " + total.toPlainString() + ", not 100");
            }
        }
        if (lateFees != null) {
            Require.optionalDecimal(lateFees.dailyRatePercent(), "lateFees.dailyRatePercent", RATE_DECIMALS);
            Require.optionalDecimal(lateFees.capPercentOfPrincipal(), "lateFees.capPercentOfPrincipal", RATE_DECIMALS);
        }
        Require.optionalText(documentRef, "documentRef", Require.SHORT_TEXT);
    }

    /**
     * Checked here, where a client states them, rather than in {@link LateFeeTerms}, which contracts
     * already recorded are read back into whatever they held.
     */
    private static final int RATE_DECIMALS = 10;
}
