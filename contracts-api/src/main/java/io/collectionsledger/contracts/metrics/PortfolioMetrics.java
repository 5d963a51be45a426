package io.collectionsledger.contracts.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The metrics of each period, in order; with a grouping, each period once per collector, tier or class that has facts. */
public record PortfolioMetrics(LocalDate from, LocalDate to, PortfolioMetricsQuery.Period period, PortfolioMetricsQuery.Grouping by,
                               BigDecimal overdueTargetPercent, LocalDate asOf, Instant knownAt, List<PeriodMetrics> periods) {
}
