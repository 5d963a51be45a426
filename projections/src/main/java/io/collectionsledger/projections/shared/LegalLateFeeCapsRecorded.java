package io.collectionsledger.projections.shared;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The legal cap's schedule as a read model has it recorded, for the fees it computes with {@code AccruingLateFees}. */
public final class LegalLateFeeCapsRecorded {

    /**
     * With no change recorded, no legal cap holds: 365 % a year is 1 % a day, the highest daily rate a
     * contract may state ({@link LateFeeTerms}), so this line is never below the fees.
     */
    private static final LegalLateFeeCaps NONE = LegalLateFeeCaps.constant(BigDecimal.valueOf(365));

    private LegalLateFeeCapsRecorded() {
    }

    /** The rates by the day each takes effect, a later change for the same day in the earlier's place; none recorded, no cap. */
    public static LegalLateFeeCaps of(Map<LocalDate, BigDecimal> annualPercentFrom) {
        return annualPercentFrom.isEmpty() ? NONE : LegalLateFeeCaps.of(annualPercentFrom);
    }
}
