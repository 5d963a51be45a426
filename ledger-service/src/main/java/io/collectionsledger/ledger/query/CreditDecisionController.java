package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.credit.CreditDecision;
import io.collectionsledger.contracts.credit.CreditDecisionQuery;
import io.collectionsledger.contracts.credit.CreditReason;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.credit.CreditDecisionProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

@RestController
@Tag(name = "Credit")
class CreditDecisionController {

    /** One row per reason and per condition; a single row without either when the order is simply allowed. */
    static final Csv.Export<CreditDecision> CSV = new Csv.Export<>(CreditDecision.class,
            d -> "credit-decision-" + d.customerId() + "-" + d.asOf() + ".csv",
            d -> List.of("customerId", "asOf", "knownAt", "order", "currency", "allowed", "limit", "limitCurrency",
                    "exposure", "exposureCurrency", "kind", "code", "detail"),
            d -> d.reasons().isEmpty() && d.conditions().isEmpty() ? Stream.of(row(d, null, null))
                    : Stream.concat(d.reasons().stream().map(r -> row(d, "reason", r)), d.conditions().stream().map(r -> row(d, "condition", r))));

    private final ReadModelQueries readModels;

    CreditDecisionController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    @GetMapping(value = "/customers/{customerId}/credit-decision", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "May the customer place an order of this amount? Allowed only when no reason refuses it; every reason "
            + "that applies is listed (credit limit and exposure, orders held, deliver two settle one, supply suspended, lawsuit "
            + "open). As of a business date (default today) and as known at a time (default now)")
    CreditDecision decision(@PathVariable String customerId,
                            @RequestParam String amount,
                            @RequestParam String currency,
                            AsOf asOf,
                            MinPosition minPosition) {
        CreditDecisionQuery query;
        try {
            query = new CreditDecisionQuery(customerId, new Money(amountOf(amount), currency), asOf.date(), asOf.knownAt());
        } catch (InvalidValue invalid) {
            throw new InvalidQuery(invalid.getMessage());
        }
        return readModels.ask(CreditDecisionProjection.PROCESSING_GROUP, customerId, minPosition, query, CreditDecision.class);
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
