package io.collectionsledger.projections.metrics;

import io.collectionsledger.contracts.metrics.CurrencyMetrics;
import io.collectionsledger.contracts.metrics.CurrencyMetrics.RecoveryCurve;
import io.collectionsledger.contracts.metrics.CurrencyMetrics.RecoveryPoint;
import io.collectionsledger.contracts.metrics.PeriodMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery;
import io.collectionsledger.contracts.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The periods' figures from the daily sums, summed per period in the database: a flow is the sum
 * of its days in the period, a stock the sum of its days up to the period's end (or asOf, if that
 * comes first), carried from one period to the next. Facts that happened after asOf or were
 * recorded after knownAt are taken back out of the sums; today's report, as known now, has none to
 * take out and reads only {@code metrics_day}. A fact after asOf on a day after it lies beyond every
 * period anyway: only those on a day before their event's date (recovery windows, outcomes) are taken
 * back, from their sums per day and event date ({@code metrics_day_before_event}); the facts recorded
 * after knownAt, a handful for a recent time, are read back one by one, but for those already taken
 * back by their date.
 */
final class PortfolioMetricsCalculation {

    /** Sums per group, currency, measure and period (by its first day; null: before the first period). */
    private static final String SUMS = """
            with fact as (
                select value, currency, measure, day, amount from metrics_day
                where dimension = :dimension and day <= :last and (day >= :first or measure in ('open', 'overdue'))
                union all
                select value, currency, measure, day, -amount from metrics_day_before_event
                where dimension = :dimension and occurred_on > :asOf and day <= :last and (day >= :first or measure in ('open', 'overdue'))
                union all
                select case :dimension when 'all' then '' when 'collector' then collector when 'tier' then tier else receivable_class end,
                       currency, measure, day, -amount
                from metrics_fact
                where recorded_at > :knownAt and not (occurred_on > :asOf and day < occurred_on)
                  and day <= :last and (day >= :first or measure in ('open', 'overdue'))
            )
            select value, currency, measure, case when day >= :first then cast(date_trunc(:unit, day) as date) end as starts, sum(amount) as amount
            from fact where value is not null
            group by 1, 2, 3, 4
            """;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final PortfolioMetricsQuery query;
    private final List<LocalDate> starts = new ArrayList<>();
    private final List<LocalDate> ends = new ArrayList<>();

    PortfolioMetricsCalculation(JdbcClient jdbc, PortfolioMetricsQuery query) {
        this.jdbc = jdbc;
        this.query = query;
        boolean months = query.period() == PortfolioMetricsQuery.Period.MONTH;
        LocalDate start = months ? query.from().withDayOfMonth(1) : query.from().with(DayOfWeek.MONDAY);
        while (!start.isAfter(query.to()) && !start.isAfter(query.asOf())) {
            LocalDate next = months ? start.plusMonths(1) : start.plusWeeks(1);
            starts.add(start);
            ends.add(next.minusDays(1).isAfter(query.asOf()) ? query.asOf() : next.minusDays(1));
            start = next;
        }
    }

    PortfolioMetrics metrics() {
        Map<Integer, Map<String, Figures>> byPeriod = new TreeMap<>();
        if (!starts.isEmpty()) {
            String dimension = query.by() == null ? "all" : query.by().name().toLowerCase(Locale.ROOT);
            Map<String, Figures> before = new TreeMap<>();
            jdbc.sql(SUMS)
                    .param("first", starts.get(0)).param("last", ends.get(ends.size() - 1))
                    .param("unit", query.period() == PortfolioMetricsQuery.Period.MONTH ? "month" : "week")
                    .param("dimension", dimension).param("asOf", query.asOf()).param("knownAt", Timestamp.from(query.knownAt()))
                    .query(rs -> {
                        LocalDate start = rs.getObject("starts", LocalDate.class);
                        Map<String, Figures> into = start == null ? before : byPeriod.computeIfAbsent(starts.indexOf(start), n -> new TreeMap<>());
                        into.computeIfAbsent(rs.getString("value"), v -> new Figures())
                                .add(rs.getString("currency"), rs.getString("measure"), rs.getBigDecimal("amount"));
                    });
            // a stock at a period's start is what all the periods before it, and the days before the first, added up
            for (int n = 0; n < starts.size(); n++) {
                Map<String, Figures> period = byPeriod.computeIfAbsent(n, k -> new TreeMap<>());
                before.forEach((group, sums) -> period.computeIfAbsent(group, g -> new Figures()).carry(sums));
                period.forEach((group, sums) -> before.computeIfAbsent(group, g -> new Figures()).accumulate(sums));
            }
        }
        List<PeriodMetrics> periods = new ArrayList<>();
        for (int n = 0; n < starts.size(); n++) {
            Map<String, Figures> groups = byPeriod.getOrDefault(n, Map.of());
            if (query.by() == null) {
                periods.add(period(n, null, groups.getOrDefault("", new Figures())));
            } else {
                for (Map.Entry<String, Figures> group : groups.entrySet()) {
                    periods.add(period(n, group.getKey(), group.getValue()));
                }
            }
        }
        return new PortfolioMetrics(query.from(), query.to(), query.period(), query.by(), query.overdueTargetPercent(), query.asOf(),
                query.knownAt(), periods);
    }

    private PeriodMetrics period(int n, String group, Figures figures) {
        LocalDate start = starts.get(n);
        LocalDate end = ends.get(n);
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        List<CurrencyMetrics> currencies = figures.byCurrency.entrySet().stream()
                .filter(currency -> !currency.getKey().isEmpty())
                .map(currency -> currency(currency.getKey(), currency.getValue(), days))
                .toList();
        Map<String, BigDecimal> counts = figures.byCurrency.getOrDefault("", new Measures()).within;
        long contacts = count(counts, "contact_attempts");
        long made = count(counts, "promises_made");
        long kept = count(counts, "promises_kept");
        long partially = count(counts, "promises_partially_kept");
        long broken = count(counts, "promises_broken");
        long judged = kept + partially + broken;
        long resolved = count(counts, "disputes_resolved");
        return new PeriodMetrics(start, end, group, currencies, contacts, made, ratio(made, contacts), judged, kept, partially, broken,
                ratio(kept, judged), count(counts, "disputes_opened"), resolved,
                resolved == 0 ? null : counts.getOrDefault("dispute_days", BigDecimal.ZERO).divide(BigDecimal.valueOf(resolved), 1, RoundingMode.HALF_UP));
    }

    private CurrencyMetrics currency(String currency, Measures m, long days) {
        BigDecimal openAtStart = m.before(PortfolioMetricsProjection.OPEN);
        BigDecimal openAtEnd = m.closing(PortfolioMetricsProjection.OPEN);
        BigDecimal overdueAtEnd = m.closing(PortfolioMetricsProjection.OVERDUE);
        BigDecimal invoiced = m.within("invoiced");
        BigDecimal overdueRate = openAtEnd.signum() == 0 ? null : overdueAtEnd.multiply(HUNDRED).divide(openAtEnd, 2, RoundingMode.HALF_UP);
        BigDecimal dso = invoiced.signum() == 0 ? null
                : openAtEnd.multiply(BigDecimal.valueOf(days)).divide(invoiced, 1, RoundingMode.HALF_UP);
        // billed: what became owed in the period, late fees and a plan's interest besides invoices, without which a month of
        // accruals and no payment would have collected less than nothing
        BigDecimal billed = invoiced.add(m.within(PortfolioMetricsProjection.CHARGED));
        BigDecimal collectible = openAtStart.add(billed).subtract(openAtEnd.subtract(overdueAtEnd));
        BigDecimal cei = collectible.signum() == 0 ? null
                : openAtStart.add(billed).subtract(openAtEnd).multiply(HUNDRED).divide(collectible, 2, RoundingMode.HALF_UP);
        BigDecimal cohort = m.within("cohort");
        List<RecoveryPoint> points = new ArrayList<>();
        BigDecimal collected = BigDecimal.ZERO;
        // each window's row holds what came in after the previous window: the curve adds them up
        for (int within : RecoveryCurve.WITHIN_DAYS_PAST_DUE) {
            collected = collected.add(m.within("collected_within_" + within));
            points.add(new RecoveryPoint(within, money(collected, currency),
                    cohort.signum() == 0 ? null : collected.divide(cohort, 4, RoundingMode.HALF_UP)));
        }
        return new CurrencyMetrics(currency, money(openAtStart, currency), money(openAtEnd, currency), money(overdueAtEnd, currency),
                overdueRate, overdueRate == null ? null : overdueRate.compareTo(query.overdueTargetPercent()) <= 0,
                money(invoiced, currency), money(m.within("collected"), currency), money(m.within("credited"), currency),
                money(m.within("written_off"), currency), money(m.within("recovered"), currency), dso, cei,
                new RecoveryCurve(money(cohort, currency), points));
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.stripTrailingZeros(), currency);
    }

    private static long count(Map<String, BigDecimal> counts, String measure) {
        return counts.getOrDefault(measure, BigDecimal.ZERO).longValueExact();
    }

    /** As the promise watchlist divides: four decimals, half up; absent when there is nothing to divide by. */
    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** One period's sums of one group, per currency ('' for counts): within the period, and the stocks before it. */
    private static final class Figures {
        final Map<String, Measures> byCurrency = new TreeMap<>();

        void add(String currency, String measure, BigDecimal amount) {
            byCurrency.computeIfAbsent(currency, c -> new Measures()).within.merge(measure, amount, BigDecimal::add);
        }

        /** The stocks summed before this period, from what came before it. */
        void carry(Figures earlier) {
            earlier.byCurrency.forEach((currency, measures) -> measures.within.forEach((measure, amount) -> {
                if (measure.equals(PortfolioMetricsProjection.OPEN) || measure.equals(PortfolioMetricsProjection.OVERDUE)) {
                    byCurrency.computeIfAbsent(currency, c -> new Measures()).before.put(measure, amount);
                }
            }));
        }

        /** This period's amounts added to the running sums. */
        void accumulate(Figures period) {
            period.byCurrency.forEach((currency, measures) -> measures.within.forEach((measure, amount) ->
                    byCurrency.computeIfAbsent(currency, c -> new Measures()).within.merge(measure, amount, BigDecimal::add)));
        }
    }

    private static final class Measures {
        final Map<String, BigDecimal> within = new HashMap<>();
        final Map<String, BigDecimal> before = new HashMap<>();

        BigDecimal within(String measure) {
            return within.getOrDefault(measure, BigDecimal.ZERO);
        }

        BigDecimal before(String measure) {
            return before.getOrDefault(measure, BigDecimal.ZERO);
        }

        BigDecimal closing(String measure) {
            return before(measure).add(within(measure));
        }
    }
}
