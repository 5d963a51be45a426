package io.collectionsledger.contracts.metrics;

import io.collectionsledger.contracts.shared.NeverAbsent;

import io.collectionsledger.contracts.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * One period's amounts in one currency (formulas in the README, "Portfolio metrics").
 *
 * @param openAtStart        receivables open at the end of the day before the period
 * @param openAtEnd          receivables open at the end of its last day (or of asOf, if that comes first), as the aging report totals them
 * @param overdueAtEnd       of those, what is open on terms past their due date (disputed amounts included)
 * @param overdueRatePercent overdue ÷ open × 100
 * @param onTarget           the overdue rate is at most the query's target
 * @param collected          what payments and applied credit settled on receivables, less what reversed payments reopened
 * @param dso                days sales outstanding: open at end ÷ invoiced × days in the period
 * @param ceiPercent         collection effectiveness index
 * @param recovery           the cohort of principal that fell overdue in the period and how much of it was collected
 */
public record CurrencyMetrics(
        @NeverAbsent String currency,
        @NeverAbsent Money openAtStart,
        @NeverAbsent Money openAtEnd,
        @NeverAbsent Money overdueAtEnd,
        BigDecimal overdueRatePercent,
        Boolean onTarget,
        @NeverAbsent Money invoiced,
        @NeverAbsent Money collected,
        @NeverAbsent Money credited,
        @NeverAbsent Money writtenOff,
        @NeverAbsent Money recoveredAfterWriteOff,
        BigDecimal dso,
        BigDecimal ceiPercent,
        @NeverAbsent RecoveryCurve recovery) {

    /**
     * @param becameOverdue principal open at the end of its due date on the terms whose first day past due fell in the period
     * @param points        of that, what was collected within 30, 90, 180, 365 and 730 days past due, and its share
     */
    public record RecoveryCurve(Money becameOverdue, List<RecoveryPoint> points) {

        /** The points of every curve: the domain brief's half year, one and two years, and the first month and quarter. */
        public static final List<Integer> WITHIN_DAYS_PAST_DUE = List.of(30, 90, 180, 365, 730);
    }

    public record RecoveryPoint(int withinDaysPastDue, Money collected, BigDecimal share) {
    }
}
