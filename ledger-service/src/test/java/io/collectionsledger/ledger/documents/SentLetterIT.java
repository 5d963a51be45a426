package io.collectionsledger.ledger.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.DemoCustomer;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.ledger.Tokens;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase 2 of the documents (issue 22, items 3 and 4): the parties come from the ledger (the
 * customer's correspondence address, the ledger's own party), a letter the ledger made is sent only
 * as its draft, and what was sent is kept and read back byte for byte.
 */
class SentLetterIT {

    private static final MovableClock clock = new MovableClock(LedgerIT.START);
    private static final String RECIPIENT_ADDRESS = "上海市浦东新区张江路 88 号 3 楼";
    private static final String SENDER = "上海申建集团有限公司";
    private static final String BANK_ACCOUNT = "1001234567890000123";
    private static RunningService service;
    private static final String DEMO = "DEMO-" + UUID.randomUUID().toString().substring(0, 8);
    private static LocalDate today;
    /** Before the parties were recorded, and after. */
    private static Instant knownBefore;
    private static Instant knownAfter;

    @BeforeAll
    static void start() {
        service = RunningService.start(FreshDatabase.another(), clock);
        LocalDate start = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        new DemoCustomer(service, DEMO, CollectionDocumentsIT.NAME, start).load();
        clock.advance(Duration.ofDays(1));
        service.send("/admin/close-of-day", "{}");
        today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        knownBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.advance(Duration.ofSeconds(2));
        service.send("/customers/" + DEMO + "/correspondence-address", """
                {"occurredOn": "%s", "postalAddress": "%s", "postcode": "201203", "contactPerson": "Zhang Min, CFO",
                 "contactPhone": "+86 21 5555 0101"}""".formatted(today.minusDays(30), RECIPIENT_ADDRESS));
        ResponseEntity<Void> party = service.http().post().uri("/admin/ledger-party").contentType(MediaType.APPLICATION_JSON).body("""
                {"name": "%s", "registrationNumber": "91310000MA1FL0002Y", "postalAddress": "上海市黄浦区中山东一路 1 号",
                 "postcode": "200002", "bankName": "中国工商银行上海分行", "bankAccount": "%s", "occurredOn": "%s"}"""
                .formatted(SENDER, BANK_ACCOUNT, today.minusDays(30))).retrieve().toBodilessEntity();
        assertThat(party.getHeaders().getFirst(Headers.POSITION)).isNotNull();
        clock.advance(Duration.ofSeconds(2));
        knownAfter = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aLetterLackingAPartysDetailsIsRefusedNamingThem() {
        ResponseEntity<byte[]> blank = draft("L-002", knownBefore, "zh-CN");

        assertThat(blank.getHeaders().getFirst(DocumentsController.MISSING))
                .isEqualTo("sender.name, sender.postalAddress, recipient.postalAddress, recipient.contactPerson");
        assertThat(send("L-002", blank, knownBefore)).startsWith("422").contains("letter-incomplete")
                .contains("\"missing\":[\"sender.name\",\"sender.postalAddress\",\"recipient.postalAddress\",\"recipient.contactPerson\"]");
    }

    @Test
    void aLetterIsSentOnlyAsItsDraftAndTheBytesSentAreKept() {
        ResponseEntity<byte[]> draft = draft("L-002", knownAfter, "zh-CN");
        assertThat(draft("L-002", knownAfter, "zh-CN").getBody()).as("the same letter id, date and knownAt give the same bytes")
                .isEqualTo(draft.getBody());
        assertThat(draft.getHeaders().getFirst(DocumentsController.MISSING)).isNull();
        assertThat(Poppler.text(draft.getBody())).contains(RECIPIENT_ADDRESS, "Zhang Min, CFO", SENDER, BANK_ACCOUNT, "201203");

        assertThat(send("L-002", draft, knownAfter)).startsWith("200");

        ResponseEntity<byte[]> kept = service.http().get().uri("/customers/" + DEMO + "/dunning-letters/L-002/document")
                .header("Accept", "application/pdf").header("Authorization", "Bearer " + Tokens.mint("audit", "auditor"))
                .retrieve().toEntity(byte[].class);
        assertThat(kept.getBody()).as("the bytes sent are the draft's").isEqualTo(draft.getBody());
        String sha256 = draft.getHeaders().getFirst(DocumentsController.DOCUMENT_SHA256);
        assertThat(kept.getHeaders().getFirst(DocumentsController.DOCUMENT_SHA256)).isEqualTo(sha256);
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
        JsonNode letter = service.http().get().uri("/customers/" + DEMO + "/dunning-letters/L-002").retrieve().body(JsonNode.class);
        assertThat(letter.toString()).contains("sha256:" + sha256);
    }

    @Test
    void aLetterThatIsNotItsDraftIsRefusedAndNothingIsKept() {
        ResponseEntity<byte[]> chinese = draft("L-009", knownAfter, "zh-CN");
        ResponseEntity<byte[]> english = draft("L-009", knownAfter, "en");

        assertThat(send("L-009", english, knownAfter, "zh-CN", null, null)).as("the bytes of another draft")
                .startsWith("409").contains("document-changed");
        assertThat(send("L-009", chinese, knownAfter, "zh-CN", "dunning-letter@000000000000", null)).startsWith("409").contains("template-changed");
        assertThat(send("L-009", chinese, knownAfter, "zh-CN", null, "1.00")).startsWith("422").contains("letter-differs-from-draft");
        String kept = service.http().get().uri("/customers/" + DEMO + "/dunning-letters/L-009/document").header("Accept", "application/pdf")
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(kept).startsWith("404").contains("unknown-document");
    }

    private static ResponseEntity<byte[]> draft(String letterId, Instant at, String language) {
        return service.http().get().uri("/customers/" + DEMO + "/dunning-letters/" + letterId + "/draft?asOf=" + today + "&knownAt=" + at)
                .header("Accept", "application/pdf").header("Accept-Language", language)
                .header("Authorization", "Bearer " + Tokens.mint("li", "collector")).retrieve().toEntity(byte[].class);
    }

    private static String send(String letterId, ResponseEntity<byte[]> draft, Instant at) {
        return send(letterId, draft, at, draft.getHeaders().getFirst("Content-Language"), null, null);
    }

    /** Sends the letter the draft states (its invoices and amount as the aging report gives them, its late fees as worked out by hand), as a collector would. */
    private static String send(String letterId, ResponseEntity<byte[]> draft, Instant at, String language, String templateVersion, String amount) {
        JsonNode aging = service.http().get().uri("/aging?customerId=" + DEMO + "&asOf=" + today + "&knownAt=" + at).retrieve().body(JsonNode.class);
        List<String> invoices = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode term : aging.get("terms")) {
            if (term.get("daysPastDue").asLong() <= 0) {
                continue;
            }
            if (!invoices.contains(term.get("invoiceId").asText())) {
                invoices.add(term.get("invoiceId").asText());
            }
            total = total.add(new BigDecimal(term.at("/open/amount").asText()));
        }
        // the fees open on those terms, worked out day by day (the statement's fees of an item include those P-001 paid)
        BigDecimal lateFees = CollectionDocumentsIT.DEMO_LATE_FEES_OPEN;
        String body = """
                {"letterId": "%s", "occurredOn": "%s", "level": 2, "invoiceIds": [%s],
                 "amountDemanded": {"amount": "%s", "currency": "CNY"}, "lateFeesDemanded": {"amount": "%s", "currency": "CNY"},
                 "deadline": "%s", "rightsReserved": true, "courier": "EMS", "waybill": "EA2%s",
                 "draft": {"asOf": "%s", "knownAt": "%s", "language": "%s", "sha256": "%s", "templateVersion": "%s"}}"""
                .formatted(letterId, today, String.join(", ", invoices.stream().map(id -> "\"" + id + "\"").toList()),
                        amount != null ? amount : total.toPlainString(), lateFees.toPlainString(),
                        today.plusDays(CollectionDocuments.DEFAULT_DAYS_TO_PAY), letterId, today, at, language,
                        draft.getHeaders().getFirst(DocumentsController.DOCUMENT_SHA256),
                        templateVersion != null ? templateVersion : draft.getHeaders().getFirst(DocumentsController.TEMPLATE_VERSION));
        return service.http().post().uri("/customers/" + DEMO + "/dunning-letters").contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).body(body)
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }
}
