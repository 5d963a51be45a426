package io.collectionsledger.contracts.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One period's metrics, overall ({@code group} absent) or of one collector, tier or receivable
 * class. Amounts are per currency ({@link CurrencyMetrics}); counts are not.
 *
 * <p>Promises made and contact attempts count in the period of their business date, and the PTP
 * rate is promises made per contact attempt; kept, partially kept and broken count the promises
 * whose promised date fell in the period by their outcome as last recorded, and the kept-promise
 * rate is kept per promise judged (partially kept counts as not kept), as {@code promise-watchlist}
 * counts them. Disputes count when raised and when resolved; {@code disputeDaysOpen} is the average
 * of the days from raised to resolved of those resolved in the period. Rates are absent when there
 * is nothing to divide by.
 */
public record PeriodMetrics(
        LocalDate start,
        LocalDate end,
        String group,
        List<CurrencyMetrics> currencies,
        long contactAttempts,
        long promisesMade,
        BigDecimal ptpRate,
        long promisesJudged,
        long promisesKept,
        long promisesPartiallyKept,
        long promisesBroken,
        BigDecimal keptPromiseRate,
        long disputesOpened,
        long disputesResolved,
        BigDecimal disputeDaysOpen) {
}
