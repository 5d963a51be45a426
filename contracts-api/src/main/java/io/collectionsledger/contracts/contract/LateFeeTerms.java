package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;

import java.math.BigDecimal;

/**
 * The contract's late-payment liability: a daily rate on the overdue amount (e.g. 0.05% a day),
 * capped at a percentage of the principal, and whether the debtor bears the costs of collection.
 */
public record LateFeeTerms(BigDecimal dailyRatePercent, BigDecimal capPercentOfPrincipal, boolean debtorBearsCollectionCosts) {

    public LateFeeTerms {
        Require.present(dailyRatePercent, "dailyRatePercent");
        if (dailyRatePercent.signum() < 0 || dailyRatePercent.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValue("dailyRatePercent", "must be between 0 and 1 (percent a day)");
        }
        Require.present(capPercentOfPrincipal, "capPercentOfPrincipal");
        if (capPercentOfPrincipal.signum() < 0 || capPercentOfPrincipal.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValue("capPercentOfPrincipal", "must be between 0 and 100");
        }
    }
}
