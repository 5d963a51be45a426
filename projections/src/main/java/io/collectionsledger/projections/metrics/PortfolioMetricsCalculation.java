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
import java.util.stream.Collectors;

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
 *
 * <p>What is open and overdue at a period's end (and at the end of the day before the first period) owes
 * the late fees accrued to that day since each term's last recorded day, as the aging report totals it:
 * the ledger records fees only when it must fix an amount, a month's end among them, so they matter most
 * at the end of a week or of the period that ends at asOf ({@link #FEES_ACCRUED}). What accrued but was
 * not yet recorded at a period's end, less what was so at its start, became owed in the period: the CEI
 * counts it as billed, as it counts the fees recorded. None accrue on an invoice after its write-off.
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

    /**
     * The late fees accrued, not yet recorded, at each of the report's days (:days, the last :last), as known
     * at :knownAt, per group (:dimension) and currency. As aging computes them for one day
     * ({@link io.collectionsledger.projections.shared.LateFeesAccruedSql}: never a row per day, the closed
     * form over each term's few principal movements, tried at the days the principal or the legal rate
     * changes), here for each report day at once: each term once per report day after its due date, but not
     * where its fees were fixed through that day (a month's end: most terms on most report days) or through
     * the day its principal was settled, which one anti-join over the fees recorded finds. A group is the
     * collector and tier in force for the customer on the day, and the invoice's class, as the read model has
     * them now. Measured on 10,000 customers' 50,000 fee-bearing terms (174,000 fees recorded), twelve months
     * and asOf: 1.4 s with JIT off, as the service's connections have it.
     */
    static final String FEES_ACCRUED = """
            with report_day as materialized (
                select distinct day from unnest(cast(:days as date[])) as d (day)
            ), legal_cap as materialized (
                select annual_percent,
                       case when row_number() over (order by effective_from) = 1 then date '-infinity' else effective_from end as from_day,
                       coalesce(lead(effective_from) over (order by effective_from) - 1, date 'infinity') as through_day
                from (select distinct on (effective_from) effective_from, annual_percent from metrics_legal_cap
                      where recorded_at <= :knownAt order by effective_from, sequence_number desc) c
            ), fee_candidate as materialized (
                -- settled_on: the day its principal was all paid, credited or rescheduled, if it was by :asOf; no fee accrues after it
                select t.customer_id, t.invoice_id, t.term_id, t.due_date, i.currency, i.decimals, c.daily_rate_percent, c.cap_percent_of_principal,
                       case when p.open <= 0 then p.last_moved end as settled_on
                from metrics_invoice_contract i
                join metrics_late_fee_terms c on (c.customer_id, c.contract_id) = (i.customer_id, i.contract_id)
                join metrics_term t on (t.customer_id, t.invoice_id) = (i.customer_id, i.invoice_id)
                cross join lateral (select bool_or(m.issuing) as issued, sum(m.amount) as open, max(m.occurred_on) as last_moved
                                    from metrics_principal m
                                    where (m.customer_id, m.invoice_id, m.term_id) = (t.customer_id, t.invoice_id, t.term_id)
                                      and m.occurred_on <= :asOf and m.recorded_at <= :knownAt) p
                where t.due_date < :last and p.issued and not (p.open <= 0 and p.last_moved <= t.due_date)
            ), fee_pair as materialized (
                -- each term on each report day after its due date, but when its fees were already fixed through that day, or through
                -- the day it was settled: one pass over the fees recorded (a hash anti-join), before the fees are summed per pair
                select b.*, d.day as as_of
                from fee_candidate b join report_day d on d.day > b.due_date
                where not exists (select from metrics_fee x
                                  where (x.customer_id, x.invoice_id, x.term_id) = (b.customer_id, b.invoice_id, b.term_id)
                                    and x.occurred_on <= d.day and x.recorded_at <= :knownAt and x.accrued_through >= least(d.day, b.settled_on))
            ), fee_term as materialized (
                select b.customer_id, b.invoice_id, b.term_id, b.currency, b.due_date, b.decimals, b.daily_rate_percent, b.cap_percent_of_principal,
                       b.as_of, coalesce(f.recorded, 0) as recorded, greatest(coalesce(f.through, b.due_date), b.due_date) as through
                from fee_pair b
                cross join lateral (select sum(f.amount) as recorded, max(f.accrued_through) as through from metrics_fee f
                                    where (f.customer_id, f.invoice_id, f.term_id) = (b.customer_id, b.invoice_id, b.term_id)
                                      and f.occurred_on <= b.as_of and f.recorded_at <= :knownAt) f
                where coalesce(f.through, b.due_date) < b.as_of
                  and not exists (select from metrics_write_off w where (w.customer_id, w.invoice_id) = (b.customer_id, b.invoice_id)
                                                                    and w.occurred_on <= b.as_of and w.recorded_at <= :knownAt)
            ), fee_move as materialized (
                select b.customer_id, b.invoice_id, b.term_id, b.as_of, m.amount, m.issuing,
                       case when m.issuing then b.due_date + 1 else greatest(m.occurred_on, b.due_date + 1) end as from_day
                from fee_term b join metrics_principal m on (m.customer_id, m.invoice_id, m.term_id) = (b.customer_id, b.invoice_id, b.term_id)
                where m.occurred_on <= b.as_of and m.recorded_at <= :knownAt
            ), fee_day as materialized (
                select customer_id, invoice_id, term_id, as_of, as_of as day from fee_term
                union
                select m.customer_id, m.invoice_id, m.term_id, m.as_of, m.from_day - 1 from fee_move m join fee_term b using (customer_id, invoice_id, term_id, as_of)
                where m.from_day - 1 > b.through
                union
                select b.customer_id, b.invoice_id, b.term_id, b.as_of, l.from_day - 1 from fee_term b cross join legal_cap l
                where l.from_day - 1 > b.through and l.from_day <= b.as_of
            ), fee_by_day as materialized (
                -- as aging's: a row per term, report day and candidate day; what does not depend on the candidate day is taken once below
                select b.customer_id, b.invoice_id, b.term_id, b.as_of, b.currency, b.decimals, b.recorded,
                       sum(m.amount) filter (where m.issuing) * b.cap_percent_of_principal / 100 as contract_cap,
                       b.recorded + sum(m.amount * greatest(b.as_of - greatest(b.through + 1, m.from_day) + 1, 0)) * b.daily_rate_percent / 100
                           as uncapped,
                       greatest(b.recorded, sum(m.amount * (select sum(l.annual_percent * greatest(least(b.through, l.through_day)
                                                                       - greatest(m.from_day, l.from_day) + 1, 0)) from legal_cap l)) / 36500)
                           as legal_start,
                       sum(m.amount * (select sum(l.annual_percent * greatest(least(d.day, l.through_day)
                                                                              - greatest(b.through + 1, m.from_day, l.from_day) + 1, 0))
                                       from legal_cap l)) / 36500
                       + sum(m.amount * greatest(b.as_of - greatest(d.day + 1, m.from_day) + 1, 0)) * b.daily_rate_percent / 100 as bound
                from fee_day d join fee_term b using (customer_id, invoice_id, term_id, as_of)
                join fee_move m using (customer_id, invoice_id, term_id, as_of)
                group by b.customer_id, b.invoice_id, b.term_id, b.as_of, b.currency, b.decimals, b.recorded, b.through,
                         b.cap_percent_of_principal, b.daily_rate_percent, d.day
            ), fee as materialized (
                -- least() passes over a null: with no legal cap recorded the bounds are null, and the cap of the contract alone holds
                select customer_id, invoice_id, as_of, currency,
                       greatest(round(least(min(contract_cap), min(uncapped), min(legal_start) + min(bound)), decimals) - recorded, 0) as amount
                from fee_by_day
                group by customer_id, invoice_id, term_id, as_of, currency, decimals, recorded
            )
            select g.value, f.currency, f.as_of as day, sum(f.amount) as amount
            from fee f
            cross join lateral (
                select case cast(:dimension as text) when 'all' then ''
                                                     when 'collector' then coalesce(a.collector, 'unassigned')
                                                     when 'tier' then coalesce(a.tier, 'unassigned')
                                                     else coalesce(c.receivable_class, 'CURRENT') end as value
                from (values (1)) as one (x)
                left join lateral (select collector, tier from metrics_assignment a
                                   where a.customer_id = f.customer_id and a.effective_on <= f.as_of
                                   order by a.effective_on desc, a.sequence_number desc limit 1) a on true
                left join lateral (select receivable_class from metrics_classification c
                                   where c.customer_id = f.customer_id and c.invoice_id = f.invoice_id and c.effective_on <= f.as_of
                                   order by c.effective_on desc, c.sequence_number desc limit 1) c on true) g
            where f.amount <> 0
            group by 1, 2, 3
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
            Map<LocalDate, Map<String, Map<String, BigDecimal>>> fees = feesAccrued(dimension);
            for (int n = 0; n < starts.size(); n++) {
                Map<String, Figures> period = byPeriod.get(n);
                fees.getOrDefault(starts.get(n).minusDays(1), Map.of()).forEach((group, byCurrency) -> byCurrency.forEach((currency, amount) ->
                        period.computeIfAbsent(group, g -> new Figures()).measures(currency).feesAtStart = amount));
                fees.getOrDefault(ends.get(n), Map.of()).forEach((group, byCurrency) -> byCurrency.forEach((currency, amount) ->
                        period.computeIfAbsent(group, g -> new Figures()).measures(currency).feesAtEnd = amount));
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

    /** The fees accrued and not yet recorded at the end of the day before the first period and of each period's last day. */
    private Map<LocalDate, Map<String, Map<String, BigDecimal>>> feesAccrued(String dimension) {
        List<LocalDate> days = new ArrayList<>();
        days.add(starts.get(0).minusDays(1));
        days.addAll(ends);
        Map<LocalDate, Map<String, Map<String, BigDecimal>>> fees = new HashMap<>();
        jdbc.sql(FEES_ACCRUED)
                .param("days", days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")))
                .param("last", days.get(days.size() - 1))
                .param("asOf", query.asOf()).param("knownAt", Timestamp.from(query.knownAt())).param("dimension", dimension)
                .query(rs -> {
                    fees.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new HashMap<>())
                            .computeIfAbsent(rs.getString("value"), v -> new HashMap<>())
                            .merge(rs.getString("currency"), rs.getBigDecimal("amount"), BigDecimal::add);
                });
        return fees;
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
        // the fees accrued and not yet recorded are owed and overdue: they accrue only past the due date
        BigDecimal openAtStart = m.before(PortfolioMetricsProjection.OPEN).add(m.feesAtStart);
        BigDecimal openAtEnd = m.closing(PortfolioMetricsProjection.OPEN).add(m.feesAtEnd);
        BigDecimal overdueAtEnd = m.closing(PortfolioMetricsProjection.OVERDUE).add(m.feesAtEnd);
        BigDecimal invoiced = m.within("invoiced");
        BigDecimal overdueRate = openAtEnd.signum() == 0 ? null : overdueAtEnd.multiply(HUNDRED).divide(openAtEnd, 2, RoundingMode.HALF_UP);
        BigDecimal dso = invoiced.signum() == 0 ? null
                : openAtEnd.multiply(BigDecimal.valueOf(days)).divide(invoiced, 1, RoundingMode.HALF_UP);
        // billed: what became owed in the period, late fees and a plan's interest besides invoices, without which a month of
        // accruals and no payment would have collected less than nothing; the fees accrued and not yet recorded at the end,
        // less those at the start (recorded in the period, so among its charges)
        BigDecimal billed = invoiced.add(m.within(PortfolioMetricsProjection.CHARGED)).add(m.feesAtEnd).subtract(m.feesAtStart);
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
            measures(currency).within.merge(measure, amount, BigDecimal::add);
        }

        Measures measures(String currency) {
            return byCurrency.computeIfAbsent(currency, c -> new Measures());
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
        /** The late fees accrued and not yet recorded at the end of the day before the period, and of its last day. */
        BigDecimal feesAtStart = BigDecimal.ZERO;
        BigDecimal feesAtEnd = BigDecimal.ZERO;

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
