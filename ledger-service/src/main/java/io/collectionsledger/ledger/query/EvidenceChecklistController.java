package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.evidence.LimitationPeriod;
import io.collectionsledger.contracts.evidence.Proof;
import io.collectionsledger.projections.evidence.EvidenceChecklistProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

@RestController
@Tag(name = "Evidence checklist")
class EvidenceChecklistController {

    /** One row per item, in the lawyer's order; the limitation date that comes first is repeated on each row. */
    static final Csv.Export<EvidenceChecklist> CSV = new Csv.Export<>(EvidenceChecklist.class,
            checklist -> "evidence-checklist-" + checklist.customerId() + (checklist.invoiceId() == null ? "" : "-" + checklist.invoiceId())
                    + "-" + checklist.asOf() + ".csv",
            checklist -> List.of("customerId", "invoiceId", "asOf", "step", "evidence", "present", "documentRefs", "eventIds",
                    "gaps", "limitationExpiresOn", "limitationRestartedBy"),
            checklist -> {
                LimitationPeriod limitation = checklist.limitation();
                return checklist.items().stream().map((EvidenceItem item) -> List.of(
                        checklist.customerId(), Objects.toString(checklist.invoiceId(), ""), checklist.asOf(), item.step(), item.evidence(),
                        item.present(),
                        joined(item.proofs().stream().map(Proof::documentRef).filter(Objects::nonNull).toList()),
                        joined(item.proofs().stream().map(Proof::eventId).toList()),
                        joined(item.gaps()),
                        limitation == null ? "" : limitation.expiresOn(),
                        limitation == null || limitation.restartedBy() == null ? "" : limitation.restartedBy().description()));
            });

    private final ReadModelQueries readModels;

    EvidenceChecklistController(ReadModelQueries readModels) {
        this.readModels = readModels;
    }

    @GetMapping(value = "/customers/{customerId}/evidence-checklist", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "What a lawyer checks before suing the customer, step by step over its open receivables: each item present "
            + "or missing with the events and documents that prove it, what is still missing, and the limitation date that comes first; "
            + "as of a business date (default today), as known at a time (default now)")
    EvidenceChecklist customer(@PathVariable String customerId, AsOf asOf, MinPosition minPosition) {
        return checklist(customerId, null, asOf, minPosition);
    }

    @GetMapping(value = "/customers/{customerId}/invoices/{invoiceId}/evidence-checklist",
            produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The evidence checklist of one receivable, and its limitation date with the fact that last restarted it")
    EvidenceChecklist receivable(@PathVariable String customerId, @PathVariable String invoiceId, AsOf asOf, MinPosition minPosition) {
        return checklist(customerId, invoiceId, asOf, minPosition);
    }

    private EvidenceChecklist checklist(String customerId, String invoiceId, AsOf asOf, MinPosition minPosition) {
        EvidenceChecklistQuery query = new EvidenceChecklistQuery(customerId, invoiceId, asOf.date(), asOf.knownAt());
        EvidenceChecklist checklist = readModels.askAbout(customerId, asOf.knownAt(), EvidenceChecklistProjection.PROCESSING_GROUP,
                minPosition, query, EvidenceChecklist.class);
        if (checklist == null) {
            throw new InvalidQuery("customer " + customerId + " had been issued no invoice " + invoiceId + " by " + query.asOf()
                    + ", as known at " + query.knownAt());
        }
        return checklist;
    }

    private static String joined(List<String> values) {
        return values.stream().distinct().collect(Collectors.joining("; "));
    }
}
