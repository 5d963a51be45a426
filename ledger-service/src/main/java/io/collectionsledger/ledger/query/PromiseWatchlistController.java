package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.watchlist.PromiseBreach;
import io.collectionsledger.contracts.watchlist.PromiseBreaches;
import io.collectionsledger.contracts.watchlist.PromiseBreachesQuery;
import io.collectionsledger.contracts.watchlist.PromiseRate;
import io.collectionsledger.contracts.watchlist.PromiseRates;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.watchlist.PromisesDue;
import io.collectionsledger.contracts.watchlist.PromisesDueQuery;
import io.collectionsledger.contracts.watchlist.RepeatedBreaches;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.watchlist.PromiseWatchlistProjection;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@RestController
@Tag(name = "Promise-breach watchlist")
class PromiseWatchlistController {

    private static final int MAX_DAYS = 366;

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    PromiseWatchlistController(QueryGateway queries, ReadModelPositions positions, BusinessCalendar calendar, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/promise-watchlist", produces = "application/json")
    @Operation(summary = "Promises to pay due within dueWithinDays (default 7) of a business date (default today), and those past "
            + "their date whose outcome is not recorded yet, with what has arrived towards them; for one customer or all")
    PromisesDue due(@RequestParam(defaultValue = "7") int dueWithinDays,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                    @RequestParam(required = false) String customerId,
                    @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                    @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (dueWithinDays < 0 || dueWithinDays > MAX_DAYS) {
            throw new InvalidQuery("dueWithinDays: from 0 to " + MAX_DAYS + "; got " + dueWithinDays);
        }
        positions.awaitProcessed(PromiseWatchlistProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        return queries.query(new PromisesDueQuery(asOf(asOf), knownAt(knownAt), dueWithinDays, customerId),
                ResponseTypes.instanceOf(PromisesDue.class)).join();
    }

    @GetMapping(value = "/promise-watchlist/breaches", produces = "application/json")
    @Operation(summary = "Promises broken or partially kept (amount short, days late; a breach later corrected is shown with its "
            + "correction) and the customers with at least repeatedAt (default 2) breaches; for one customer or all")
    PromiseBreaches breaches(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                             @RequestParam(required = false) String customerId,
                             @RequestParam(defaultValue = "" + PromiseBreachesQuery.DEFAULT_REPEATED_AT) int repeatedAt,
                             @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                             @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (repeatedAt < 1) {
            throw new InvalidQuery("repeatedAt: at least 1; got " + repeatedAt);
        }
        positions.awaitProcessed(PromiseWatchlistProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        return queries.query(new PromiseBreachesQuery(asOf(asOf), knownAt(knownAt), customerId, repeatedAt),
                ResponseTypes.instanceOf(PromiseBreaches.class)).join();
    }

    @GetMapping(value = "/promise-watchlist/rates", produces = "application/json")
    @Operation(summary = "Kept-promise rate and promises-obtained rate (promises recorded per contact attempt logged) from one "
            + "business date to another, by customer or collector, and in total")
    PromiseRates rates(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(defaultValue = "customer") String by,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                       @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                       @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (to.isBefore(from)) {
            throw new InvalidQuery("from " + from + " is after to " + to);
        }
        positions.awaitProcessed(PromiseWatchlistProjection.PROCESSING_GROUP, null, minPosition, prefer);
        return queries.query(new PromiseRatesQuery(from, to, grouping(by), asOf(asOf), knownAt(knownAt)),
                ResponseTypes.instanceOf(PromiseRates.class)).join();
    }

    @GetMapping(value = "/promise-watchlist", produces = Csv.MEDIA_TYPE)
    void dueCsv(@RequestParam(defaultValue = "7") int dueWithinDays,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                @RequestParam(required = false) String customerId,
                @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                @RequestHeader(name = "Prefer", required = false) String prefer,
                HttpServletResponse response) throws IOException {
        PromisesDue due = due(dueWithinDays, asOf, knownAt, customerId, minPosition, prefer);
        Csv.write(response, "promises-due-" + due.asOf() + ".csv", List.of("customerId", "promiseId", "collector", "promisedOn",
                "promisedDate", "daysUntilDue", "promised", "currency", "receivedSoFar", "currency", "form", "documentRef", "eventId"),
                due.promises().stream().map(p -> cells(p.customerId(), p.promiseId(), p.collector(), p.promisedOn(), p.promisedDate(),
                        p.daysUntilDue(), p.promised(), p.receivedSoFar(), p.form(), p.documentRef(), p.eventId())));
    }

    /** One row per breach; {@code customerBreaches} is how many breaches the customer has standing, as the repeated list counts them. */
    @GetMapping(value = "/promise-watchlist/breaches", produces = Csv.MEDIA_TYPE)
    void breachesCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                     @RequestParam(required = false) String customerId,
                     @RequestParam(defaultValue = "" + PromiseBreachesQuery.DEFAULT_REPEATED_AT) int repeatedAt,
                     @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                     @RequestHeader(name = "Prefer", required = false) String prefer,
                     HttpServletResponse response) throws IOException {
        PromiseBreaches breaches = breaches(asOf, knownAt, customerId, repeatedAt, minPosition, prefer);
        Map<String, Integer> repeated = breaches.repeatedBreaches().stream()
                .collect(Collectors.toMap(RepeatedBreaches::customerId, RepeatedBreaches::breaches));
        Csv.write(response, "promise-breaches-" + breaches.asOf() + ".csv", List.of("customerId", "promiseId", "collector", "promisedOn",
                "promisedDate", "promised", "currency", "outcome", "received", "currency", "shortfall", "currency", "judgedOn", "daysLate",
                "settledOn", "correctedFrom", "correctedOn", "correctingPayment", "eventId", "customerBreaches"),
                breaches.breaches().stream().map((PromiseBreach b) -> cells(b.customerId(), b.promiseId(), b.collector(), b.promisedOn(),
                        b.promisedDate(), b.promised(), b.outcome(), b.received(), b.shortfall(), b.judgedOn(), b.daysLate(), b.settledOn(),
                        b.correction() == null ? null : b.correction().from(), b.correction() == null ? null : b.correction().correctedOn(),
                        b.correction() == null ? null : b.correction().paymentId(), b.eventId(), repeated.get(b.customerId()))));
    }

    @GetMapping(value = "/promise-watchlist/rates", produces = Csv.MEDIA_TYPE)
    void ratesCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "customer") String by,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                  @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                  @RequestHeader(name = "Prefer", required = false) String prefer,
                  HttpServletResponse response) throws IOException {
        PromiseRates rates = rates(from, to, by, asOf, knownAt, minPosition, prefer);
        Csv.write(response, "promise-rates-" + rates.from() + "-" + rates.to() + ".csv", List.of(rates.by().name().toLowerCase(Locale.ROOT),
                "contactAttempts", "promisesObtained", "promisesObtainedRate", "judged", "kept", "keptLate", "partiallyKept", "broken", "keptRate"),
                Stream.concat(rates.rows().stream(), Stream.of(rates.total())).map((PromiseRate r) -> cells(r.group() == null ? "TOTAL" : r.group(),
                        r.contactAttempts(), r.promisesObtained(), r.promisesObtainedRate(), r.judged(), r.kept(), r.keptLate(),
                        r.partiallyKept(), r.broken(), r.keptRate())));
    }

    private LocalDate asOf(LocalDate asOf) {
        return asOf == null ? calendar.today() : asOf;
    }

    private Instant knownAt(Instant knownAt) {
        return knownAt == null ? clock.instant() : knownAt;
    }

    private static PromiseRatesQuery.Grouping grouping(String by) {
        try {
            return PromiseRatesQuery.Grouping.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("by: customer or collector; got " + by);
        }
    }

    /** A CSV row; absent values are empty cells. */
    private static List<?> cells(Object... values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(Objects.requireNonNullElse(value, ""));
        }
        return cells;
    }
}
