package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.worklist.CollectionWorklist;
import io.collectionsledger.contracts.worklist.CollectionWorklistQuery;
import io.collectionsledger.contracts.worklist.PriorityScore;
import io.collectionsledger.contracts.worklist.WorklistEntry;
import io.collectionsledger.projections.worklist.WorklistProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

@RestController
@Tag(name = "Worklist")
class WorklistController {

    /** One row per customer and currency: what is open is never summed across currencies. */
    static final Csv.Export<CollectionWorklist> CSV = new Csv.Export<>(CollectionWorklist.class,
            worklist -> "worklist-" + worklist.asOf() + ".csv",
            worklist -> List.of("rank", "customerId", "name", "collector", "tier", "stage", "daysPastDue", "oldestOverdueDueDate",
                    "nextDueDate", "open", "currency", "overdue", "disputed", "limitationDate", "limitationTerm", "limitationRestartedBy",
                    "brokenPromises", "earlyWarnings", "ordersHeld", "openCases", "priority", "amountPoints", "agePoints",
                    "limitationPoints", "brokenPromisePoints", "earlyWarningPoints", "creditRecordPoints", "nextAction", "nextActionOn",
                    "nextActionDetail"),
            worklist -> worklist.customers().stream().flatMap(entry -> entry.open().stream().map(open -> row(entry, open))));

    private final ReadModelQueries readModels;

    WorklistController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    @GetMapping(value = "/worklist", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "Customers to work on, highest priority first, with their stage, priority score and the next action "
            + "recommended; as of a business date (default today) and as known at a time (default now), for one collector or all")
    CollectionWorklist worklist(AsOf asOf,
                                @RequestParam(required = false) String collector,
                                @RequestParam(required = false) Integer limit,
                                MinPosition minPosition) {
        CollectionWorklistQuery query;
        try {
            query = new CollectionWorklistQuery(asOf.date(), asOf.knownAt(), collector == null || collector.isEmpty() ? null : collector,
                    limit == null ? CollectionWorklistQuery.DEFAULT_LIMIT : limit);
        } catch (InvalidValue invalid) {
            throw new InvalidQuery(invalid.getMessage());
        }
        return readModels.ask(WorklistProjection.PROCESSING_GROUP, null, minPosition, query, CollectionWorklist.class);
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
