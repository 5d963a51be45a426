package io.collectionsledger.contracts.metrics;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The portfolio's metrics for each calendar month (or ISO week, Monday to Sunday) that overlaps
 * the business days {@code from} to {@code to}, as of a business date (facts that happened by
 * then) and as the ledger knew it at a time (facts recorded by then); overall, or one row per
 * collector, reminder tier or receivable class ({@code by}).
 *
 * @param overdueTargetPercent the overdue rate the portfolio should stay under, e.g. 5 (domain.md §3)
 */
public record PortfolioMetricsQuery(LocalDate from, LocalDate to, Period period, Grouping by, BigDecimal overdueTargetPercent,
                                    LocalDate asOf, Instant knownAt) {

    public static final BigDecimal DEFAULT_OVERDUE_TARGET_PERCENT = BigDecimal.valueOf(5);

    /** At most this many periods a query: ten years of months, five of weeks. */
    public static final int MAX_PERIODS = 261;

    public enum Period { MONTH, WEEK }

    public enum Grouping { COLLECTOR, TIER, RECEIVABLE_CLASS }

    public PortfolioMetricsQuery {
        Require.date(from, "from");
        Require.date(to, "to");
        Require.present(period, "period");
        Require.date(asOf, "asOf");
        Require.present(knownAt, "knownAt");
        if (to.isBefore(from)) {
            throw new InvalidValue("to", "is before from " + from);
        }
        if (overdueTargetPercent == null) {
            overdueTargetPercent = DEFAULT_OVERDUE_TARGET_PERCENT;
        }
        if (overdueTargetPercent.signum() < 0 || overdueTargetPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValue("overdueTarget", "a percentage from 0 to 100");
        }
    }
}
