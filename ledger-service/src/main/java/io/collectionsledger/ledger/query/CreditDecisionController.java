package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.credit.CreditDecision;
import io.collectionsledger.contracts.credit.CreditDecisionQuery;
import io.collectionsledger.contracts.credit.CreditReason;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.credit.CreditDecisionProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

@RestController
@Tag(name = "Credit")
class CreditDecisionController {

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CreditDecisionController(QueryGateway queries, ReadModelPositions positions, BusinessCalendar calendar, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/customers/{customerId}/credit-decision", produces = "application/json")
    @Operation(summary = "May the customer place an order of this amount? Allowed only when no reason refuses it; every reason "
            + "that applies is listed (credit limit and exposure, orders held, deliver two settle one, supply suspended, lawsuit "
            + "open). As of a business date (default today) and as known at a time (default now)")
    CreditDecision decision(@PathVariable String customerId,
                            @RequestParam String amount,
                            @RequestParam String currency,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                            @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                            @RequestHeader(name = "Prefer", required = false) String prefer) {
        CreditDecisionQuery query;
        try {
            query = new CreditDecisionQuery(customerId, new Money(amountOf(amount), currency), asOf == null ? calendar.today() : asOf,
                    knownAt == null ? clock.instant() : knownAt);
        } catch (InvalidValue invalid) {
            throw new InvalidQuery(invalid.getMessage());
        }
        positions.awaitProcessed(CreditDecisionProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        return queries.query(query, ResponseTypes.instanceOf(CreditDecision.class)).join();
    }

    /** One row per reason and per condition; a single row without either when the order is simply allowed. */
    @GetMapping(value = "/customers/{customerId}/credit-decision", produces = Csv.MEDIA_TYPE)
    void decisionCsv(@PathVariable String customerId,
                     @RequestParam String amount,
                     @RequestParam String currency,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                     @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                     @RequestHeader(name = "Prefer", required = false) String prefer,
                     HttpServletResponse response) throws IOException {
        CreditDecision d = decision(customerId, amount, currency, asOf, knownAt, minPosition, prefer);
        List<String> header = List.of("customerId", "asOf", "knownAt", "order", "currency", "allowed", "limit", "limitCurrency",
                "exposure", "exposureCurrency", "kind", "code", "detail");
        Stream<List<?>> rows = Stream.concat(d.reasons().stream().map(r -> row(d, "reason", r)),
                d.conditions().stream().map(r -> row(d, "condition", r)));
        if (d.reasons().isEmpty() && d.conditions().isEmpty()) {
            rows = Stream.of(row(d, null, null));
        }
        Csv.write(response, "credit-decision-" + customerId + "-" + d.asOf() + ".csv", header, rows);
    }

    private static List<?> row(CreditDecision d, String kind, CreditReason reason) {
        List<Object> cells = new ArrayList<>(Arrays.asList(d.customerId(), d.asOf(), d.knownAt(), d.order(), d.allowed()));
        cells.addAll(d.limit() == null ? Arrays.asList(null, null) : List.of(d.limit()));
        cells.addAll(Arrays.asList(d.exposure(), kind, reason == null ? null : reason.code(), reason == null ? null : reason.detail()));
        return cells;
    }

    private static BigDecimal amountOf(String amount) {
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new InvalidQuery("amount: must be a decimal number such as 12500.00; got " + amount);
        }
    }
}
