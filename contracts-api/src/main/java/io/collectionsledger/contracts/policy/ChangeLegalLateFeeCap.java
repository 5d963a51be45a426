package io.collectionsledger.contracts.policy;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a change of the legal cap on late fees, as an annual percentage on the overdue principal,
 * in force from {@code effectiveFrom}. {@code changeId} makes a repeated command harmless: a change
 * already recorded under that id is not recorded again.
 */
public record ChangeLegalLateFeeCap(
        String changeId,
        LocalDate effectiveFrom,
        BigDecimal annualPercent,
        String reason) {

    /**
     * The one aggregate that keeps the ledger's late-fee policy. Like the ledger party's, an id no client
     * can give a customer: {@link Require#id} wants a letter or digit first.
     */
    public static final String POLICY = "_late-fee-policy";

    public ChangeLegalLateFeeCap {
        Require.id(changeId, "changeId");
        Require.date(effectiveFrom, "effectiveFrom");
        Require.present(annualPercent, "annualPercent");
        Require.optionalDecimal(annualPercent, "annualPercent", 6);
        if (annualPercent.signum() < 0 || annualPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValue("annualPercent", "must be between 0 and 100 (percent a year)");
        }
        Require.text(reason, "reason", Require.SHORT_TEXT);
    }

    @TargetAggregateIdentifier
    public String policyId() {
        return POLICY;
    }
}
