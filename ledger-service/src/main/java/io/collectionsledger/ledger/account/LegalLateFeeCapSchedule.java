package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.time.LegalLateFeeCaps;

import java.math.BigDecimal;

/**
 * Where the account reads the legal cap on late fees from: the dated changes recorded as policy
 * events ({@code policy.LegalLateFeeCapChanged}), so fees for a day take the rate in force that day and a
 * later change never rewrites the past.
 */
@FunctionalInterface
public interface LegalLateFeeCapSchedule {

    /** The legal cap's rates by the day each took effect, as recorded so far. */
    LegalLateFeeCaps recorded();

    /** One rate for every day: for tests, and for a ledger that has recorded no change yet. */
    static LegalLateFeeCapSchedule constant(BigDecimal annualPercent) {
        LegalLateFeeCaps caps = LegalLateFeeCaps.constant(annualPercent);
        return () -> caps;
    }
}
