package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.metrics.CurrencyMetrics;
import io.collectionsledger.contracts.metrics.CurrencyMetrics.RecoveryCurve;
import io.collectionsledger.contracts.metrics.CurrencyMetrics.RecoveryPoint;
import io.collectionsledger.contracts.metrics.PeriodMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.projections.metrics.PortfolioMetricsProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

@RestController
@Tag(name = "Portfolio metrics")
class PortfolioMetricsController {

    /** One row per period, group and currency (a period without amounts has one row with its counts). */
    static final Csv.Export<PortfolioMetrics> CSV = new Csv.Export<>(PortfolioMetrics.class,
            metrics -> "portfolio-metrics-" + metrics.period().name().toLowerCase(Locale.ROOT) + "-" + metrics.from() + "-" + metrics.to() + ".csv",
            metrics -> {
                List<String> header = new ArrayList<>(List.of("start", "end", "group", "currency", "openAtStart", "openAtEnd", "overdueAtEnd",
                        "overdueRatePercent", "onTarget", "invoiced", "collected", "credited", "writtenOff", "recoveredAfterWriteOff", "dso",
                        "ceiPercent", "becameOverdue"));
                for (int days : RecoveryCurve.WITHIN_DAYS_PAST_DUE) {
                    header.addAll(List.of("collectedWithin" + days, "shareWithin" + days));
                }
                header.addAll(List.of("contactAttempts", "promisesMade", "ptpRate", "promisesJudged", "promisesKept", "promisesPartiallyKept",
                        "promisesBroken", "keptPromiseRate", "disputesOpened", "disputesResolved", "disputeDaysOpen"));
                return header;
            },
            metrics -> metrics.periods().stream().flatMap(period -> period.currencies().isEmpty()
                    ? Stream.of(row(period, null))
                    : period.currencies().stream().map(currency -> row(period, currency))));

    private final ReadModelQueries readModels;
    private final BigDecimal overdueTargetPercent;

    PortfolioMetricsController(ReadModelQueries readModels,
                               @Value("${ledger.metrics.overdue-target-percent:5}") BigDecimal overdueTargetPercent) {
        this.readModels = readModels;
        this.overdueTargetPercent = overdueTargetPercent;
    }

    @GetMapping(value = "/portfolio-metrics", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The portfolio's health per calendar month (period=month, the default) or ISO week (period=week) from one "
            + "business date to another (default: the twelve months, or thirteen weeks, up to asOf), per currency, overall or by "
            + "collector, tier or receivable class: receivables open and overdue with the overdue rate against a target "
            + "(overdueTarget, percent), DSO, CEI, amounts invoiced, collected, credited, written off and recovered, promises and "
            + "their rates, disputes, and the recovery curve of each period's overdue cohort; as of a business date (default today) "
            + "and as known at a time (default now)")
    PortfolioMetrics metrics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "month") String period,
                             @RequestParam(required = false) String by,
                             @RequestParam(required = false) BigDecimal overdueTarget,
                             AsOf asOf,
                             MinPosition minPosition) {
        PortfolioMetricsQuery.Period length = period(period);
        LocalDate until = to == null ? asOf.date() : to;
        LocalDate since = from != null ? from
                : length == PortfolioMetricsQuery.Period.MONTH ? until.withDayOfMonth(1).minusMonths(11) : until.minusWeeks(12);
        long periods = length == PortfolioMetricsQuery.Period.MONTH ? ChronoUnit.MONTHS.between(since.withDayOfMonth(1), until) + 1
                : ChronoUnit.WEEKS.between(since, until) + 1;
        if (periods > PortfolioMetricsQuery.MAX_PERIODS) {
            throw new InvalidQuery("from " + since + " to " + until + ": at most " + PortfolioMetricsQuery.MAX_PERIODS + " periods; got " + periods);
        }
        PortfolioMetricsQuery query;
        try {
            query = new PortfolioMetricsQuery(since, until, length, grouping(by), overdueTarget == null ? overdueTargetPercent : overdueTarget,
                    asOf.date(), asOf.knownAt());
        } catch (InvalidValue invalid) {
            throw new InvalidQuery(invalid.getMessage());
        }
        return readModels.ask(PortfolioMetricsProjection.PROCESSING_GROUP, null, minPosition, query, PortfolioMetrics.class);
    }

    private static PortfolioMetricsQuery.Period period(String period) {
        return switch (period.toLowerCase(Locale.ROOT)) {
            case "month" -> PortfolioMetricsQuery.Period.MONTH;
            case "week" -> PortfolioMetricsQuery.Period.WEEK;
            default -> throw new InvalidQuery("period: month or week; got " + period);
        };
    }

    private static PortfolioMetricsQuery.Grouping grouping(String by) {
        if (by == null || by.isEmpty()) {
            return null;
        }
        return switch (by.toLowerCase(Locale.ROOT)) {
            case "collector" -> PortfolioMetricsQuery.Grouping.COLLECTOR;
            case "tier" -> PortfolioMetricsQuery.Grouping.TIER;
            case "class" -> PortfolioMetricsQuery.Grouping.RECEIVABLE_CLASS;
            default -> throw new InvalidQuery("by: collector, tier or class; got " + by);
        };
    }

    private static List<?> row(PeriodMetrics p, CurrencyMetrics c) {
        List<Object> cells = new ArrayList<>(Arrays.asList(p.start(), p.end(), p.group() == null ? "TOTAL" : p.group()));
        if (c == null) {
            cells.add(null);
            cells.addAll(Collections.nCopies(13 + 2 * RecoveryCurve.WITHIN_DAYS_PAST_DUE.size(), null));
        } else {
            cells.addAll(Arrays.asList(c.currency(), c.openAtStart().amount(), c.openAtEnd().amount(), c.overdueAtEnd().amount(),
                    c.overdueRatePercent(), c.onTarget(), c.invoiced().amount(), c.collected().amount(), c.credited().amount(),
                    c.writtenOff().amount(), c.recoveredAfterWriteOff().amount(), c.dso(), c.ceiPercent(), c.recovery().becameOverdue().amount()));
            for (RecoveryPoint point : c.recovery().points()) {
                cells.addAll(Arrays.asList(point.collected().amount(), point.share()));
            }
        }
        cells.addAll(Arrays.asList(p.contactAttempts(), p.promisesMade(), p.ptpRate(), p.promisesJudged(), p.promisesKept(),
                p.promisesPartiallyKept(), p.promisesBroken(), p.keptPromiseRate(), p.disputesOpened(), p.disputesResolved(), p.disputeDaysOpen()));
        return cells;
    }
}
