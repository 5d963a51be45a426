package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.evidence.LimitationPeriod;
import io.collectionsledger.contracts.evidence.Proof;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.projections.evidence.EvidenceChecklistProjection;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

@RestController
@Tag(name = "Evidence checklist")
class EvidenceChecklistController {

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    EvidenceChecklistController(QueryGateway queries, ReadModelPositions positions, BusinessCalendar calendar, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/customers/{customerId}/evidence-checklist", produces = "application/json")
    @Operation(summary = "What a lawyer checks before suing the customer, step by step over its open receivables: each item present "
            + "or missing with the events and documents that prove it, what is still missing, and the limitation date that comes first; "
            + "as of a business date (default today), as known at a time (default now)")
    EvidenceChecklist customer(@PathVariable String customerId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                               @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                               @RequestHeader(name = "Prefer", required = false) String prefer) {
        return checklist(customerId, null, asOf, knownAt, minPosition, prefer);
    }

    @GetMapping(value = "/customers/{customerId}/invoices/{invoiceId}/evidence-checklist", produces = "application/json")
    @Operation(summary = "The evidence checklist of one receivable, and its limitation date with the fact that last restarted it")
    EvidenceChecklist receivable(@PathVariable String customerId,
                                 @PathVariable String invoiceId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                 @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                 @RequestHeader(name = "Prefer", required = false) String prefer) {
        return checklist(customerId, invoiceId, asOf, knownAt, minPosition, prefer);
    }

    @GetMapping(value = "/customers/{customerId}/evidence-checklist", produces = Csv.MEDIA_TYPE)
    void customerCsv(@PathVariable String customerId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                     @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                     @RequestHeader(name = "Prefer", required = false) String prefer,
                     HttpServletResponse response) throws IOException {
        csv(checklist(customerId, null, asOf, knownAt, minPosition, prefer), response);
    }

    @GetMapping(value = "/customers/{customerId}/invoices/{invoiceId}/evidence-checklist", produces = Csv.MEDIA_TYPE)
    void receivableCsv(@PathVariable String customerId,
                       @PathVariable String invoiceId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                       @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                       @RequestHeader(name = "Prefer", required = false) String prefer,
                       HttpServletResponse response) throws IOException {
        csv(checklist(customerId, invoiceId, asOf, knownAt, minPosition, prefer), response);
    }

    private EvidenceChecklist checklist(String customerId, String invoiceId, LocalDate asOf, Instant knownAt, Long minPosition, String prefer) {
        EvidenceChecklistQuery query = new EvidenceChecklistQuery(customerId, invoiceId, asOf == null ? calendar.today() : asOf,
                knownAt == null ? clock.instant() : knownAt);
        positions.awaitProcessed(EvidenceChecklistProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        EvidenceChecklist checklist = queries.query(query, ResponseTypes.instanceOf(EvidenceChecklist.class)).join();
        if (checklist == null) {
            throw new InvalidQuery("customer " + customerId + " had been issued no invoice " + invoiceId + " by " + query.asOf()
                    + ", as known at " + query.knownAt());
        }
        return checklist;
    }

    /** One row per item, in the lawyer's order; the limitation date that comes first is repeated on each row. */
    private static void csv(EvidenceChecklist checklist, HttpServletResponse response) throws IOException {
        LimitationPeriod limitation = checklist.limitation();
        String name = "evidence-checklist-" + checklist.customerId() + (checklist.invoiceId() == null ? "" : "-" + checklist.invoiceId())
                + "-" + checklist.asOf() + ".csv";
        Csv.write(response, name, List.of("customerId", "invoiceId", "asOf", "step", "evidence", "present", "documentRefs", "eventIds",
                "gaps", "limitationExpiresOn", "limitationRestartedBy"), checklist.items().stream().map((EvidenceItem item) -> List.of(
                checklist.customerId(), Objects.toString(checklist.invoiceId(), ""), checklist.asOf(), item.step(), item.evidence(), item.present(),
                joined(item.proofs().stream().map(Proof::documentRef).filter(Objects::nonNull).toList()),
                joined(item.proofs().stream().map(Proof::eventId).toList()),
                joined(item.gaps()),
                limitation == null ? "" : limitation.expiresOn(),
                limitation == null || limitation.restartedBy() == null ? "" : limitation.restartedBy().description())));
    }

    private static String joined(List<String> values) {
        return values.stream().distinct().collect(Collectors.joining("; "));
    }
}
