package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.audit.HistoryEntry;
import io.collectionsledger.contracts.audit.HistoryPage;
import io.collectionsledger.ledger.journal.EventTypes;
import io.collectionsledger.ledger.json.AmountsAsText;
import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.ledger.query.InvalidQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The history of a customer, a contract, an invoice or a legal case: every event in order, with its
 * business date, when and by whom it was recorded, under which command and correlation id, and
 * its hash in the chain. Paged as JSON, or all of it as NDJSON.
 */
@RestController
@Tag(name = "Audit")
class HistoryController {

    private static final String PATH = "/{subject:customers|contracts|invoices|legal-cases}/{id}/history";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Journal journal;
    private final EventTypes eventTypes;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper;

    HistoryController(Journal journal, EventTypes eventTypes, PlatformTransactionManager transactions, ObjectMapper mapper) {
        this.journal = journal;
        this.eventTypes = eventTypes;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.mapper = mapper;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every event of a customer (customers), or naming a contract, an invoice or a legal case, oldest first; "
            + "a page of up to `limit` (default 100, at most 1000); `next` is the `after` of the next page, absent on the last")
    HistoryPage page(@Parameter(description = "What the id names", schema = @Schema(allowableValues = {"customers", "contracts", "invoices", "legal-cases"}))
                     @PathVariable String subject,
                     @PathVariable String id,
                     @Parameter(description = "only this customer's account (ids of contracts, invoices and cases are per customer)")
                     @RequestParam(required = false) String customerId,
                     @Parameter(description = "event type, e.g. payment.PaymentRecorded or PaymentRecorded; repeat for several")
                     @RequestParam(name = "type", required = false) List<String> types,
                     @Parameter(description = "business date from, inclusive") @RequestParam(required = false)
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
                     @Parameter(description = "business date to, inclusive") @RequestParam(required = false)
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo,
                     @Parameter(description = "recorded at or after") @RequestParam(required = false)
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedFrom,
                     @Parameter(description = "recorded before") @RequestParam(required = false)
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedTo,
                     @Parameter(description = "global index of the last entry already read") @RequestParam(required = false) Long after,
                     @RequestParam(required = false) Integer limit) {
        Journal.HistoryQuery query = query(Subject.ofPath(subject), id, customerId, types, occurredFrom, occurredTo, recordedFrom, recordedTo);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidQuery("limit: from 1 to " + MAX_LIMIT + "; got " + size);
        }
        List<HistoryEntry> entries = journal.history(query, cursor(after), size + 1).stream().map(HistoryController::shown).toList();
        if (entries.size() <= size) {
            return new HistoryPage(entries, null);
        }
        List<HistoryEntry> shown = entries.subList(0, size);
        return new HistoryPage(shown, shown.get(size - 1).globalIndex());
    }

    @GetMapping(value = PATH, produces = Ndjson.MEDIA_TYPE)
    @Operation(summary = "The same history, every entry after `after`, one JSON object per line")
    void export(@Parameter(description = "What the id names", schema = @Schema(allowableValues = {"customers", "contracts", "invoices", "legal-cases"}))
                @PathVariable String subject, @PathVariable String id,
                @RequestParam(required = false) String customerId,
                @RequestParam(name = "type", required = false) List<String> types,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedTo,
                @RequestParam(required = false) Long after,
                HttpServletResponse response) throws IOException {
        Journal.HistoryQuery query = query(Subject.ofPath(subject), id, customerId, types, occurredFrom, occurredTo, recordedFrom, recordedTo);
        Ndjson out = Ndjson.open(response, subject + "-" + id + "-history.ndjson", mapper);
        readOnly.executeWithoutResult(status -> journal.history(query, cursor(after), entry -> out.write(shown(entry))));
    }

    /** An entry as an auditor reads it: the payload as stored, its amounts as text as in every answer (the export keeps the bytes). */
    private static HistoryEntry shown(HistoryEntry entry) {
        return new HistoryEntry(entry.globalIndex(), entry.eventId(), entry.type(), entry.revision(), entry.aggregateId(),
                entry.sequence(), entry.occurredOn(), entry.recordedAt(), entry.principal(), entry.clientId(), entry.commandId(),
                entry.correlationId(), AmountsAsText.inPayload(entry.payload()), entry.hash());
    }

    private Journal.HistoryQuery query(Subject subject, String id, String customerId, List<String> types, LocalDate occurredFrom,
                                       LocalDate occurredTo, Instant recordedFrom, Instant recordedTo) {
        Journal.HistoryQuery query = new Journal.HistoryQuery(id, subject.recordedBy, customerId,
                types == null ? List.of() : logicalTypes(types), occurredFrom, occurredTo, recordedFrom, recordedTo);
        if (!journal.holds(query)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the journal has no " + subject.name + " " + id
                    + (customerId == null ? "" : " of customer " + customerId));
        }
        return query;
    }

    /** A misspelt type is an error, not an empty history. */
    private List<String> logicalTypes(List<String> names) {
        return names.stream().map(name -> eventTypes.named(name).orElseThrow(() -> new InvalidQuery("type: no event type " + name
                + "; the types are " + String.join(", ", eventTypes.names())))).toList();
    }

    private static long cursor(Long after) {
        if (after != null && after < 0) {
            throw new InvalidQuery("after: a global index, 0 or more; got " + after);
        }
        return after == null ? 0 : after;
    }
}
