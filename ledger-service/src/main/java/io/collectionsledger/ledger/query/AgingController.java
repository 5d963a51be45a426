package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.aging.AgingProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@RestController
@Tag(name = "Aging")
class AgingController {

    /** A page a person reads; a bigger one is an export, which CSV gives whole. */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    /** One row per customer and currency, then the portfolio's totals per currency. */
    static final Csv.Export<AgingReport> CSV = new Csv.Export<>(AgingReport.class,
            report -> "aging-" + report.asOf() + ".csv",
            report -> {
                List<String> header = new ArrayList<>(List.of("customerId", "currency"));
                header.addAll(report.buckets());
                header.addAll(List.of("disputed", "total", "unappliedCredit"));
                return header;
            },
            report -> Stream.concat(report.customers().stream(), report.totals().stream()).map((AgingRow row) -> {
                List<Object> cells = new ArrayList<>(List.of(row.customerId() == null ? "TOTAL" : row.customerId(), row.currency()));
                row.buckets().stream().map(Money::amount).forEach(cells::add);
                cells.addAll(List.of(row.disputed().amount(), row.total().amount(), row.unappliedCredit().amount()));
                return cells;
            }));

    private final ReadModelQueries readModels;

    AgingController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    @GetMapping(value = "/aging", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The aging report per customer and in total, per currency, as of a business date (default today) "
            + "and as known at a time (default now); buckets are the upper bounds of days past due, e.g. 30,60,90,180,365. "
            + "The portfolio's customers come in pages in the order of their ids: limit per page (default 100, at most 1000), "
            + "and after = the previous page's nextAfter for the next; totals are always the whole portfolio's. "
            + "Accept: text/csv exports every customer.")
    AgingReport aging(AsOf asOf,
                      @RequestParam(required = false) String customerId,
                      @RequestParam(required = false) List<Integer> buckets,
                      @RequestParam(required = false) String after,
                      @RequestParam(required = false) Integer limit,
                      MinPosition minPosition) {
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            throw new InvalidQuery("limit: from 1 to " + MAX_PAGE + " customers a page; got " + limit);
        }
        return report(asOf, customerId, buckets, after, limit == null ? DEFAULT_PAGE : limit, minPosition);
    }

    /** An export is every customer at once, never a page. */
    @GetMapping(value = "/aging", produces = Csv.MEDIA_TYPE)
    AgingReport agingCsv(AsOf asOf,
                         @RequestParam(required = false) String customerId,
                         @RequestParam(required = false) List<Integer> buckets,
                         MinPosition minPosition) {
        return report(asOf, customerId, buckets, null, null, minPosition);
    }

    private AgingReport report(AsOf asOf, String customerId, List<Integer> buckets, String after, Integer limit, MinPosition minPosition) {
        AgingReportQuery query = new AgingReportQuery(asOf.date(), asOf.knownAt(), customerId, checked(buckets), after, limit);
        return customerId == null ? readModels.ask(AgingProjection.PROCESSING_GROUP, null, minPosition, query, AgingReport.class)
                : readModels.askAbout(customerId, asOf.knownAt(), AgingProjection.PROCESSING_GROUP, minPosition, query, AgingReport.class);
    }

    private static List<Integer> checked(List<Integer> buckets) {
        if (buckets == null || buckets.isEmpty()) {
            return null;
        }
        if (buckets.size() > 12) {
            throw new InvalidQuery("buckets: at most 12 boundaries");
        }
        int previous = 0;
        for (Integer bound : buckets) {
            if (bound == null || bound <= previous || bound > 36500) {
                throw new InvalidQuery("buckets: boundaries are days past due, whole numbers increasing from 1 to 36500 such as 30,60,90; got "
                        + buckets.stream().map(given -> given == null ? "" : given.toString()).collect(Collectors.joining(",")));
            }
            previous = bound;
        }
        return buckets;
    }
}
