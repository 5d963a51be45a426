package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;

import java.math.BigDecimal;

/**
 * One stage of the contract's payment terms, e.g. 30% in advance, 60% on acceptance, 10% after
 * the warranty. An invoice under the contract gets one term per stage, due {@code days} after the
 * invoice date unless the invoice states its own due dates.
 */
public record PaymentTerm(String termId, BigDecimal percent, Trigger trigger, int days) {

    public enum Trigger { ADVANCE, ON_DELIVERY, ON_ACCEPTANCE, ON_INVOICE, AFTER_WARRANTY }

    public PaymentTerm {
        Require.id(termId, "termId");
        Require.present(percent, "percent");
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValue("percent", "must be more than 0 and at most 100");
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw new InvalidValue("percent", "must have at most 4 decimal places");
        }
        Require.present(trigger, "trigger");
        if (days < 0 || days > 3650) {
            throw new InvalidValue("days", "must be between 0 and 3650");
        }
    }
}
