package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.aging.AgingProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

@RestController
@Tag(name = "Aging")
class AgingController {

    /** A page a person reads; a bigger one is an export, which CSV gives whole. */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    AgingController(QueryGateway queries, ReadModelPositions positions, BusinessCalendar calendar, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/aging", produces = "application/json")
    @Operation(summary = "The aging report per customer and in total, per currency, as of a business date (default today) "
            + "and as known at a time (default now); buckets are the upper bounds of days past due, e.g. 30,60,90,180,365. "
            + "The portfolio's customers come in pages in the order of their ids: limit per page (default 100, at most 1000), "
            + "and after = the previous page's nextAfter for the next; totals are always the whole portfolio's. "
            + "Accept: text/csv exports every customer.")
    AgingReport aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                      @RequestParam(required = false) String customerId,
                      @RequestParam(required = false) List<Integer> buckets,
                      @RequestParam(required = false) String after,
                      @RequestParam(required = false) Integer limit,
                      @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                      @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            throw new InvalidQuery("limit: from 1 to " + MAX_PAGE + " customers a page; got " + limit);
        }
        return report(asOf, knownAt, customerId, buckets, after, limit == null ? DEFAULT_PAGE : limit, minPosition, prefer);
    }

    @GetMapping(value = "/aging", produces = Csv.MEDIA_TYPE)
    void agingCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                  @RequestParam(required = false) String customerId,
                  @RequestParam(required = false) List<Integer> buckets,
                  @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                  @RequestHeader(name = "Prefer", required = false) String prefer,
                  HttpServletResponse response) throws IOException {
        AgingReport report = report(asOf, knownAt, customerId, buckets, null, null, minPosition, prefer);
        List<String> header = new ArrayList<>(List.of("customerId", "currency"));
        header.addAll(report.buckets());
        header.addAll(List.of("disputed", "total", "unappliedCredit"));
        Stream<AgingRow> rows = Stream.concat(report.customers().stream(), report.totals().stream());
        Csv.write(response, "aging-" + report.asOf() + ".csv", header, rows.map(row -> {
            List<Object> cells = new ArrayList<>(List.of(row.customerId() == null ? "TOTAL" : row.customerId(), row.currency()));
            row.buckets().stream().map(Money::amount).forEach(cells::add);
            cells.addAll(List.of(row.disputed().amount(), row.total().amount(), row.unappliedCredit().amount()));
            return cells;
        }));
    }

    private AgingReport report(LocalDate asOf, Instant knownAt, String customerId, List<Integer> buckets, String after, Integer limit,
                               Long minPosition, String prefer) {
        AgingReportQuery query = new AgingReportQuery(asOf == null ? calendar.today() : asOf, knownAt == null ? clock.instant() : knownAt,
                customerId, checked(buckets), after, limit);
        positions.awaitProcessed(AgingProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        return queries.query(query, ResponseTypes.instanceOf(AgingReport.class)).join();
    }

    private static List<Integer> checked(List<Integer> buckets) {
        if (buckets == null || buckets.isEmpty()) {
            return null;
        }
        if (buckets.size() > 12) {
            throw new InvalidQuery("buckets: at most 12 boundaries");
        }
        int previous = 0;
        for (int bound : buckets) {
            if (bound <= previous || bound > 36500) {
                throw new InvalidQuery("buckets: boundaries are days past due, increasing, from 1 to 36500; got " + buckets);
            }
            previous = bound;
        }
        return buckets;
    }
}
