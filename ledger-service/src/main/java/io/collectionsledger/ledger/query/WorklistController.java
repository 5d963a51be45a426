package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.worklist.CollectionWorklist;
import io.collectionsledger.contracts.worklist.CollectionWorklistQuery;
import io.collectionsledger.contracts.worklist.PriorityScore;
import io.collectionsledger.contracts.worklist.WorklistEntry;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.worklist.WorklistProjection;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@RestController
@Tag(name = "Worklist")
class WorklistController {

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    WorklistController(QueryGateway queries, ReadModelPositions positions, BusinessCalendar calendar, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/worklist", produces = "application/json")
    @Operation(summary = "Customers to work on, highest priority first, with their stage, priority score and the next action "
            + "recommended; as of a business date (default today) and as known at a time (default now), for one collector or all")
    CollectionWorklist worklist(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                @RequestParam(required = false) String collector,
                                @RequestParam(required = false) Integer limit,
                                @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                @RequestHeader(name = "Prefer", required = false) String prefer) {
        CollectionWorklistQuery query;
        try {
            query = new CollectionWorklistQuery(asOf == null ? calendar.today() : asOf, knownAt == null ? clock.instant() : knownAt,
                    collector == null || collector.isEmpty() ? null : collector,
                    limit == null ? CollectionWorklistQuery.DEFAULT_LIMIT : limit);
        } catch (InvalidValue invalid) {
            throw new InvalidQuery(invalid.getMessage());
        }
        positions.awaitProcessed(WorklistProjection.PROCESSING_GROUP, null, minPosition, prefer);
        return queries.query(query, ResponseTypes.instanceOf(CollectionWorklist.class)).join();
    }

    /** One row per customer and currency: what is open is never summed across currencies. */
    @GetMapping(value = "/worklist", produces = Csv.MEDIA_TYPE)
    void worklistCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                     @RequestParam(required = false) String collector,
                     @RequestParam(required = false) Integer limit,
                     @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                     @RequestHeader(name = "Prefer", required = false) String prefer,
                     HttpServletResponse response) throws IOException {
        CollectionWorklist worklist = worklist(asOf, knownAt, collector, limit, minPosition, prefer);
        List<String> header = List.of("rank", "customerId", "name", "collector", "tier", "stage", "daysPastDue", "oldestOverdueDueDate",
                "nextDueDate", "open", "currency", "overdue", "disputed", "limitationDate", "limitationTerm", "limitationRestartedBy",
                "brokenPromises", "earlyWarnings", "ordersHeld", "openCases", "priority", "amountPoints", "agePoints",
                "limitationPoints", "brokenPromisePoints", "earlyWarningPoints", "creditRecordPoints", "nextAction", "nextActionOn",
                "nextActionDetail");
        Csv.write(response, "worklist-" + worklist.asOf() + ".csv", header, worklist.customers().stream()
                .flatMap(entry -> entry.open().stream().map(open -> row(entry, open))));
    }

    private static List<?> row(WorklistEntry e, Money open) {
        PriorityScore p = e.priority();
        BigDecimal overdue = amountIn(e.overdue(), open.currency());
        BigDecimal disputed = amountIn(e.disputed(), open.currency());
        return Arrays.asList(e.rank(), e.customerId(), e.name(), e.collector(), e.tier(), e.stage(), e.daysPastDue(),
                e.oldestOverdueDueDate(), e.nextDueDate(), open, overdue, disputed, e.limitationDate(), e.limitationTerm(),
                e.limitationRestartedBy(), e.brokenPromises(), String.join(" ", e.earlyWarnings().stream().map(Enum::name).toList()),
                e.ordersHeld(), String.join(" ", e.openCases()), p.total(), p.amount(), p.age(), p.limitation(), p.brokenPromises(),
                p.earlyWarnings(), p.creditRecord(), e.nextAction().kind(), e.nextAction().on(), e.nextAction().detail());
    }

    /** The amount in this currency, zero if there is none. */
    private static BigDecimal amountIn(List<Money> amounts, String currency) {
        return amounts.stream().filter(m -> m.currency().equals(currency)).map(Money::amount).findFirst()
                .orElse(Money.zero(currency).amount());
    }
}
