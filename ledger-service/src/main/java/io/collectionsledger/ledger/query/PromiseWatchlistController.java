package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.watchlist.PromiseBreach;
import io.collectionsledger.contracts.watchlist.PromiseBreaches;
import io.collectionsledger.contracts.watchlist.PromiseBreachesQuery;
import io.collectionsledger.contracts.watchlist.PromiseRate;
import io.collectionsledger.contracts.watchlist.PromiseRates;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.watchlist.PromisesDue;
import io.collectionsledger.contracts.watchlist.PromisesDueQuery;
import io.collectionsledger.contracts.watchlist.RepeatedBreaches;
import io.collectionsledger.projections.watchlist.PromiseWatchlistProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@RestController
@Tag(name = "Promise-breach watchlist")
class PromiseWatchlistController {

    private static final int MAX_DAYS = 366;

    static final Csv.Export<PromisesDue> DUE_CSV = new Csv.Export<>(PromisesDue.class,
            due -> "promises-due-" + due.asOf() + ".csv",
            due -> List.of("customerId", "promiseId", "collector", "promisedOn", "promisedDate", "daysUntilDue", "promised", "currency",
                    "receivedSoFar", "currency", "form", "documentRef", "eventId"),
            due -> due.promises().stream().map(p -> Arrays.asList(p.customerId(), p.promiseId(), p.collector(), p.promisedOn(),
                    p.promisedDate(), p.daysUntilDue(), p.promised(), p.receivedSoFar(), p.form(), p.documentRef(), p.eventId())));

    /** One row per breach; {@code customerBreaches} is how many breaches the customer has standing, as the repeated list counts them. */
    static final Csv.Export<PromiseBreaches> BREACHES_CSV = new Csv.Export<>(PromiseBreaches.class,
            breaches -> "promise-breaches-" + breaches.asOf() + ".csv",
            breaches -> List.of("customerId", "promiseId", "collector", "promisedOn", "promisedDate", "promised", "currency", "outcome",
                    "received", "currency", "shortfall", "currency", "judgedOn", "daysLate", "settledOn", "correctedFrom", "correctedOn",
                    "correctingPayment", "eventId", "customerBreaches"),
            breaches -> {
                Map<String, Integer> repeated = breaches.repeatedBreaches().stream()
                        .collect(Collectors.toMap(RepeatedBreaches::customerId, RepeatedBreaches::breaches));
                return breaches.breaches().stream().map((PromiseBreach b) -> Arrays.asList(b.customerId(), b.promiseId(), b.collector(),
                        b.promisedOn(), b.promisedDate(), b.promised(), b.outcome(), b.received(), b.shortfall(), b.judgedOn(), b.daysLate(),
                        b.settledOn(), b.correction() == null ? null : b.correction().from(),
                        b.correction() == null ? null : b.correction().correctedOn(),
                        b.correction() == null ? null : b.correction().paymentId(), b.eventId(), repeated.get(b.customerId())));
            });

    static final Csv.Export<PromiseRates> RATES_CSV = new Csv.Export<>(PromiseRates.class,
            rates -> "promise-rates-" + rates.from() + "-" + rates.to() + ".csv",
            rates -> List.of(rates.by().name().toLowerCase(Locale.ROOT), "contactAttempts", "promisesObtained", "promisesObtainedRate",
                    "judged", "kept", "keptLate", "partiallyKept", "broken", "keptRate"),
            rates -> Stream.concat(rates.rows().stream(), Stream.of(rates.total())).map((PromiseRate r) -> Arrays.asList(
                    r.group() == null ? "TOTAL" : r.group(), r.contactAttempts(), r.promisesObtained(), r.promisesObtainedRate(),
                    r.judged(), r.kept(), r.keptLate(), r.partiallyKept(), r.broken(), r.keptRate())));

    private final ReadModelQueries readModels;

    PromiseWatchlistController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    @GetMapping(value = "/promise-watchlist", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "Promises to pay due within dueWithinDays (default 7) of a business date (default today), and those past "
            + "their date whose outcome is not recorded yet, with what has arrived towards them; for one customer or all")
    PromisesDue due(@RequestParam(defaultValue = "7") int dueWithinDays,
                    AsOf asOf,
                    @RequestParam(required = false) String customerId,
                    MinPosition minPosition) {
        if (dueWithinDays < 0 || dueWithinDays > MAX_DAYS) {
            throw new InvalidQuery("dueWithinDays: from 0 to " + MAX_DAYS + "; got " + dueWithinDays);
        }
        return ask(customerId, asOf, minPosition, new PromisesDueQuery(asOf.date(), asOf.knownAt(), dueWithinDays, customerId), PromisesDue.class);
    }

    @GetMapping(value = "/promise-watchlist/breaches", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "Promises broken or partially kept (amount short, days late; a breach later corrected is shown with its "
            + "correction) and the customers with at least repeatedAt (default 2) breaches; for one customer or all")
    PromiseBreaches breaches(AsOf asOf,
                             @RequestParam(required = false) String customerId,
                             @RequestParam(defaultValue = "" + PromiseBreachesQuery.DEFAULT_REPEATED_AT) int repeatedAt,
                             MinPosition minPosition) {
        if (repeatedAt < 1) {
            throw new InvalidQuery("repeatedAt: at least 1; got " + repeatedAt);
        }
        return ask(customerId, asOf, minPosition, new PromiseBreachesQuery(asOf.date(), asOf.knownAt(), customerId, repeatedAt),
                PromiseBreaches.class);
    }

    @GetMapping(value = "/promise-watchlist/rates", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "Kept-promise rate and promises-obtained rate (promises recorded per contact attempt logged) from one "
            + "business date to another, by customer or collector, and in total")
    PromiseRates rates(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(defaultValue = "customer") String by,
                       AsOf asOf,
                       MinPosition minPosition) {
        if (to.isBefore(from)) {
            throw new InvalidQuery("from " + from + " is after to " + to);
        }
        return readModels.ask(PromiseWatchlistProjection.PROCESSING_GROUP, null, minPosition,
                new PromiseRatesQuery(from, to, grouping(by), asOf.date(), asOf.knownAt()), PromiseRates.class);
    }

    /** A watchlist narrowed to one customer is a report about that customer. */
    private <R> R ask(String customerId, AsOf asOf, MinPosition minPosition, Object query, Class<R> answer) {
        return customerId == null ? readModels.ask(PromiseWatchlistProjection.PROCESSING_GROUP, null, minPosition, query, answer)
                : readModels.askAbout(customerId, asOf.knownAt(), PromiseWatchlistProjection.PROCESSING_GROUP, minPosition, query, answer);
    }

    private static PromiseRatesQuery.Grouping grouping(String by) {
        try {
            return PromiseRatesQuery.Grouping.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("by: customer or collector; got " + by);
        }
    }
}
