package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.party.RecordLedgerParty;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.account.BusinessCalendar;
import io.collectionsledger.ledger.query.InvalidQuery;
import io.collectionsledger.ledger.query.ReadModelPositions;
import io.collectionsledger.projections.aging.AgingProjection;
import io.collectionsledger.projections.dossier.CustomerDossierProjection;
import io.collectionsledger.projections.evidence.EvidenceChecklistProjection;
import io.collectionsledger.projections.statement.CustomerStatementProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The collection documents as PDF ({@code Accept: application/pdf}), on the resources whose
 * figures they state: the statement of account on the statement, the litigation evidence pack on
 * the evidence checklist, and a dunning letter's draft under the letter's id. Each is as of a
 * business date (default today) and as known at a time (default now, to the second), both printed
 * on it; in Chinese or English by {@code Accept-Language} (default Chinese). The answer names the
 * SHA-256 of its bytes and the template's version: the same three inputs under the same version
 * give the same bytes. A letter the ledger sent is read back as the bytes it kept.
 */
@RestController
@Tag(name = "Documents")
class DocumentsController {

    static final String PDF = "application/pdf";
    static final String DOCUMENT_SHA256 = "Ledger-Document-Sha256";
    static final String TEMPLATE_VERSION = "Ledger-Template-Version";
    static final String MISSING = "Ledger-Document-Missing";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final CollectionDocuments documents;
    private final KeptDocuments kept;
    private final ReadModelPositions positions;
    private final BusinessCalendar calendar;
    private final Clock clock;

    DocumentsController(CollectionDocuments documents, KeptDocuments kept, ReadModelPositions positions, BusinessCalendar calendar,
                        Clock clock) {
        this.documents = documents;
        this.kept = kept;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/customers/{customerId}/statement", produces = PDF)
    @Operation(summary = "The statement of account as a PDF: the open items with their days past due, and per currency what is open "
            + "and the unapplied credit, as of a business date (default today), as known at a time (default now)")
    ResponseEntity<byte[]> statementOfAccount(@PathVariable String customerId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
                                              @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                              @RequestHeader(name = "Prefer", required = false) String prefer) {
        await(customerId, minPosition, prefer, CustomerStatementProjection.PROCESSING_GROUP, AgingProjection.PROCESSING_GROUP);
        Inputs at = inputs(asOf, knownAt, language);
        return pdf(documents.statementOfAccount(customerId, at.asOf(), at.knownAt(), at.language()), at);
    }

    @GetMapping(value = "/customers/{customerId}/evidence-checklist", produces = PDF)
    @Operation(summary = "The litigation evidence pack as a PDF: the checklist's eight steps with the documents on record or what is missing, "
            + "the limitation date and what last restarted it, the contacts, letters and promises in order, and the amounts claimed")
    ResponseEntity<byte[]> evidencePack(@PathVariable String customerId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
                                        @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                        @RequestHeader(name = "Prefer", required = false) String prefer) {
        await(customerId, minPosition, prefer, CustomerStatementProjection.PROCESSING_GROUP, EvidenceChecklistProjection.PROCESSING_GROUP);
        Inputs at = inputs(asOf, knownAt, language);
        return pdf(documents.evidencePack(customerId, at.asOf(), at.knownAt(), at.language()), at);
    }

    @GetMapping(value = "/customers/{customerId}/dunning-letters/{letterId}/draft", produces = PDF)
    @Operation(summary = "The draft of a dunning letter (催款函) as a PDF: the overdue debts not under dispute in one currency, with principal, "
            + "late fees to date and how the contract computes them, the payment clause, the deadline (default 10 days after asOf), the "
            + "reservation of rights and the dispute forum. The parties' addresses the ledger does not record yet are named in "
            + "Ledger-Document-Missing")
    ResponseEntity<byte[]> dunningLetterDraft(@PathVariable String customerId,
                                              @PathVariable String letterId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                                              @RequestParam(required = false) String currency,
                                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language,
                                              @RequestHeader(name = Headers.MIN_POSITION, required = false) Long minPosition,
                                              @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (!ID.matcher(letterId).matches()) {
            throw new InvalidQuery("letterId: 1 to 64 letters, digits and . _ : -, starting with a letter or digit");
        }
        if (currency != null) {
            try {
                Money.decimalsOf(currency);
            } catch (InvalidValue e) {
                throw new InvalidQuery("currency: " + e.reason());
            }
        }
        await(customerId, minPosition, prefer, CustomerStatementProjection.PROCESSING_GROUP, AgingProjection.PROCESSING_GROUP);
        Inputs at = inputs(asOf, knownAt, language);
        LocalDate payBy = deadline == null ? at.asOf().plusDays(CollectionDocuments.DEFAULT_DAYS_TO_PAY) : deadline;
        return pdf(documents.dunningLetter(customerId, letterId, at.asOf(), at.knownAt(), payBy, currency, at.language()), at);
    }

    @GetMapping(value = "/customers/{customerId}/dunning-letters/{letterId}/document", produces = PDF)
    @Operation(summary = "The dunning letter the ledger made and sent, as the exact bytes it kept when the sending was recorded "
            + "(SendDunningLetter with its draft); Ledger-Document-Sha256 is the letter's documentRef without its sha256: prefix. "
            + "A letter made elsewhere has no document here: its documentRef names it")
    ResponseEntity<byte[]> sentDunningLetter(@PathVariable String customerId, @PathVariable String letterId) {
        if (!ID.matcher(letterId).matches()) {
            throw new InvalidQuery("letterId: 1 to 64 letters, digits and . _ : -, starting with a letter or digit");
        }
        KeptDocuments.Kept letter = kept.letter(customerId, letterId).orElseThrow(() -> new NoKeptDocument(
                "the ledger keeps no document of letter " + letterId + " to customer " + customerId
                        + ": it was not sent, or was made elsewhere and is recorded by its documentRef"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("dunning-letter-" + customerId + "-" + letterId + "-" + letter.asOf() + ".pdf").build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, letter.language())
                .header(DOCUMENT_SHA256, letter.sha256())
                .header(TEMPLATE_VERSION, letter.templateVersion())
                .header("Ledger-As-Of", letter.asOf().toString())
                .header("Ledger-Known-At", letter.knownAt().toString())
                .body(letter.content());
    }

    /**
     * What a document is made for, resolved once per request: the date, the time and the language
     * printed on it are the ones its headers give back to render it again. (Read twice, a default
     * knownAt could fall on either side of a second.)
     */
    private record Inputs(LocalDate asOf, Instant knownAt, DocumentLanguage language) {
    }

    private Inputs inputs(LocalDate asOf, Instant knownAt, String language) {
        return new Inputs(asOf(asOf), knownAt(knownAt), DocumentLanguage.of(language));
    }

    /** The read models a document reads from, and the dossier every document names its parties from, the sender's included. */
    private void await(String customerId, Long minPosition, String prefer, String... groups) {
        for (String group : groups) {
            positions.awaitProcessed(group, customerId, minPosition, prefer);
        }
        positions.awaitProcessed(CustomerDossierProjection.PROCESSING_GROUP, customerId, minPosition, prefer);
        // the sender: the ledger's own party's events are in a stream of their own, perhaps in another segment
        positions.awaitProcessed(CustomerDossierProjection.PROCESSING_GROUP, RecordLedgerParty.LEDGER, minPosition, prefer);
    }

    /**
     * The business date, default today; never after it, as no fact is: a document as of a later
     * date could change before that date came.
     */
    private LocalDate asOf(LocalDate asOf) {
        LocalDate today = calendar.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidQuery("asOf " + asOf + " is after today's business date " + today);
        }
        return asOf == null ? today : asOf;
    }

    /**
     * Now, to the second: it is printed on the document and given back to render it again; never
     * later than now, or facts recorded afterwards would change what the same inputs render.
     */
    private Instant knownAt(Instant knownAt) {
        Instant now = clock.instant();
        if (knownAt != null && knownAt.isAfter(now)) {
            throw new InvalidQuery("knownAt " + knownAt + " is later than now: what is not recorded yet cannot be printed");
        }
        return knownAt == null ? now.truncatedTo(ChronoUnit.SECONDS) : knownAt;
    }

    private static ResponseEntity<byte[]> pdf(RenderedDocument document, Inputs at) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.filename()).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, at.language().tag())
                .header(DOCUMENT_SHA256, document.sha256())
                .header(TEMPLATE_VERSION, document.templateVersion())
                .header("Ledger-As-Of", at.asOf().toString())
                .header("Ledger-Known-At", at.knownAt().toString());
        List<String> missing = document.missing();
        if (!missing.isEmpty()) {
            answer.header(MISSING, String.join(", ", missing));
        }
        return answer.body(document.pdf());
    }
}
