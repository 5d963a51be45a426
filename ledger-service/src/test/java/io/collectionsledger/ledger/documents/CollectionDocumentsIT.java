package io.collectionsledger.ledger.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.DemoCustomer;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.ledger.Tokens;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three documents from a running service, read as a person reads them: the text pdftotext
 * finds in them and the first page as pdftoppm draws it. Every amount they state is the one the
 * statement, the aging report and the evidence checklist answer for the same date and time, for
 * the README's demo customer (with a name outside GB2312) and for generated customers.
 */
class CollectionDocumentsIT {

    /** A name a font limited to GB2312 cannot set: 堃 and 喆 are GBK only, 𫖯 is in CJK extension C. */
    static final String NAME = "上海堃喆𫖯昇建材有限公司";
    private static final String SENDER = "上海申建集团有限公司";
    /**
     * The demo's late fees open on its overdue terms as of the day after it was loaded on 2026-11-24, worked out day by day: each
     * day's open principal × 15.4 % ÷ 365 (the legal cap, below the contract's 0.05 % a day), summed exactly from the first day past
     * due and rounded where they are fixed, never below what was recorded ({@code AccruingLateFees}). P-001 (09-05) fixed the
     * fees through 09-04 first and paid them before principal: INV-001 ADV's 493.64 and ACC's 227.84 (227.835… rounded up), so
     * ACC kept 45,721.48. Open: INV-001 ACC (60,000 × 9 days + 45,721.48 × 82 days, 09-05 to 11-25) × 15.4 % ÷ 365 = 1,809.673…,
     * 1,809.67 less the 227.84 paid = 1,581.83; INV-002 ADV 15,000 × 66 days (09-21 to 11-25) = 417.70; INV-002 ACC 30,000 × 36
     * days (10-21 to 11-25) = 455.671…, 455.67 (113.92 fixed by L-001 through 10-29 and 139.23 in all at the month's end, neither
     * carried on rounded). The statement's {@code lateFees} of an item are all the fees charged on it, those paid too, so no
     * longer what a letter demands.
     */
    static final BigDecimal DEMO_LATE_FEES_OPEN = new BigDecimal("2455.20");
    private static final Path IMAGES = Path.of("target/documents");

    private static final MovableClock clock = new MovableClock(LedgerIT.START);
    private static RunningService service;
    private static final String DEMO = "DEMO-" + UUID.randomUUID().toString().substring(0, 8);
    private static LocalDate today;
    private static Instant knownAt;

    @BeforeAll
    static void start() {
        service = RunningService.start(FreshDatabase.another(), clock);
        LocalDate start = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        new DemoCustomer(service, DEMO, NAME, start).load();
        // the parties a letter is sent between, so that the documents (and their images in docs/documents) are complete
        service.send("/customers/" + DEMO + "/correspondence-address", """
                {"occurredOn": "%s", "postalAddress": "上海市浦东新区张江路 88 号 3 楼", "postcode": "201203",
                 "contactPerson": "Zhang Min, CFO", "contactPhone": "+86 21 5555 0101"}""".formatted(start));
        service.http().post().uri("/admin/ledger-party").contentType(MediaType.APPLICATION_JSON).body("""
                {"name": "%s", "registrationNumber": "91310000MA1FL0002Y", "postalAddress": "上海市黄浦区中山东一路 1 号",
                 "postcode": "200002", "bankName": "中国工商银行上海分行", "bankAccount": "1001234567890000123", "occurredOn": "%s"}"""
                .formatted(SENDER, start)).retrieve().toBodilessEntity();
        clock.advance(Duration.ofDays(1));
        service.send("/admin/close-of-day", "{}");
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
        today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        knownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theDemoCustomersDunningLetterDemandsWhatTheStatementAndTheAgingReportShowOverdue() {
        JsonNode aging = json("/aging?customerId=" + DEMO + "&asOf=" + today + "&knownAt=" + knownAt);
        JsonNode statement = json("/customers/" + DEMO + "/statement");
        ResponseEntity<byte[]> letter = pdf("/customers/" + DEMO + "/dunning-letters/L-002/draft?asOf=" + today + "&knownAt=" + knownAt, "zh-CN");

        String text = Poppler.text(letter.getBody());
        assertThat(text).contains(NAME, "L-002", today.toString(), knownAt.toString(), "再次催款函", "上海市浦东新区人民法院", "0.05%", "30%");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode term : aging.get("terms")) {
            if (term.get("daysPastDue").asLong() <= 0) {
                continue;
            }
            JsonNode item = item(statement, term.get("invoiceId").asText(), term.get("termId").asText());
            assertThat(decimal(item.at("/open/amount"))).as("the statement and the aging report agree")
                    .isEqualByComparingTo(decimal(term.at("/open/amount")));
            assertThat(text).contains(figures(decimal(term.at("/open/amount"))), term.get("daysPastDue").asText());
            total = total.add(decimal(term.at("/open/amount")));
        }
        assertThat(text).contains(figures(total), figures(DEMO_LATE_FEES_OPEN), ChineseCapitalAmount.of(io.collectionsledger.contracts.shared.Money.of(total.toPlainString(), "CNY")));
        assertThat(letter.getHeaders().getFirst(DocumentsController.MISSING)).as("both parties are recorded").isNull();
        assertThat(text).contains(SENDER, "上海市浦东新区张江路 88 号 3 楼", "Zhang Min, CFO", "1001234567890000123");
        assertThat(letter.getHeaders().getFirst(DocumentsController.DOCUMENT_SHA256)).isEqualTo(PdfRenderer.sha256(letter.getBody()));
        assertThat(letter.getHeaders().getFirst(DocumentsController.TEMPLATE_VERSION)).startsWith("dunning-letter@");
        assertNotBlank(letter.getBody(), "dunning-letter-zh-CN.png");
        assertNotBlank(pdf("/customers/" + DEMO + "/dunning-letters/L-002/draft?asOf=" + today + "&knownAt=" + knownAt, "en").getBody(),
                "dunning-letter-en.png");
    }

    @Test
    void theSameLetterIdDateAndTimeGiveTheSameBytes() {
        String draft = "/customers/" + DEMO + "/dunning-letters/L-003/draft?asOf=" + today + "&knownAt=" + knownAt;

        ResponseEntity<byte[]> first = pdf(draft, "zh-CN");
        ResponseEntity<byte[]> second = pdf(draft, "zh-CN");

        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(pdf(draft.replace("L-003", "L-004"), "zh-CN").getBody()).as("another letter id is another document").isNotEqualTo(first.getBody());
    }

    @Test
    void theStatementOfAccountStatesEveryOpenItemAndTheTotalsTheStatementAnswers() {
        JsonNode statement = json("/customers/" + DEMO + "/statement");
        ResponseEntity<byte[]> zh = pdf("/customers/" + DEMO + "/statement?asOf=" + today + "&knownAt=" + knownAt, "zh-CN");
        ResponseEntity<byte[]> en = pdf("/customers/" + DEMO + "/statement?asOf=" + today + "&knownAt=" + knownAt, "en-GB,en;q=0.9");

        for (String text : List.of(Poppler.text(zh.getBody()), Poppler.text(en.getBody()))) {
            assertThat(text).contains(NAME, today.toString(), knownAt.toString());
            for (JsonNode item : statement.get("items")) {
                assertThat(text).contains(item.get("invoiceId").asText() + " / " + item.get("termId").asText(),
                        figures(decimal(item.at("/amount/amount"))), figures(decimal(item.at("/lateFees/amount"))),
                        figures(decimal(item.at("/paid/amount"))), figures(decimal(item.at("/open/amount"))));
            }
            for (JsonNode total : statement.get("totalOpen")) {
                assertThat(text).contains(figures(decimal(total.get("amount"))));
            }
        }
        BigDecimal total = decimal(statement.at("/totalOpen/0/amount"));
        assertThat(Poppler.text(zh.getBody())).contains(ChineseCapitalAmount.numerals(total));
        assertThat(en.getHeaders().getFirst("Content-Language")).isEqualTo("en");
        assertNotBlank(zh.getBody(), "statement-of-account-zh-CN.png");
        assertNotBlank(en.getBody(), "statement-of-account-en.png");
    }

    @Test
    void theEvidencePackStatesTheChecklistTheLimitationDateAndTheAmountsClaimed() {
        JsonNode checklist = json("/customers/" + DEMO + "/evidence-checklist?asOf=" + today + "&knownAt=" + knownAt);
        JsonNode statement = json("/customers/" + DEMO + "/statement");
        ResponseEntity<byte[]> zh = pdf("/customers/" + DEMO + "/evidence-checklist?asOf=" + today + "&knownAt=" + knownAt, "zh-CN");

        String text = Poppler.text(zh.getBody());
        assertThat(text).contains(NAME, "诉讼证据清单", checklist.at("/limitation/expiresOn").asText(),
                checklist.at("/limitation/restartedBy/documentRef").asText(), "EA204512345CN", "PR-001", "commitment-PR-001.pdf",
                "K-2026-001-stamped.pdf", "DN-D1.pdf");
        for (JsonNode receivable : checklist.get("receivables")) {
            assertThat(text).contains(receivable.get("invoiceId").asText(), figures(decimal(receivable.at("/open/amount"))));
        }
        BigDecimal open = BigDecimal.ZERO;
        for (JsonNode item : statement.get("items")) {
            if (LocalDate.parse(item.get("dueDate").asText()).isBefore(today)) {
                open = open.add(decimal(item.at("/open/amount")));
            }
        }
        BigDecimal principal = open.subtract(DEMO_LATE_FEES_OPEN);
        // 45,721.48 + 15,000 + 30,000 of principal and 2,455.20 of late fees: 93,176.68
        assertThat(principal).isEqualByComparingTo("90721.48");
        assertThat(text).as("claims: overdue principal, late fees open, their sum").contains(figures(principal), figures(DEMO_LATE_FEES_OPEN),
                figures(open), ChineseCapitalAmount.numerals(open));
        assertNotBlank(zh.getBody(), "evidence-pack-zh-CN.png");
        assertNotBlank(pdf("/customers/" + DEMO + "/evidence-checklist?asOf=" + today + "&knownAt=" + knownAt, "en").getBody(), "evidence-pack-en.png");
    }

    @Test
    void generatedCustomersDocumentsStateTheFiguresTheReportsAnswer() {
        Random random = new Random(20261124);
        for (int n = 0; n < 3; n++) {
            String customer = "GEN-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
            List<String> disputed = new GeneratedCustomer(service, customer, random, today.minusDays(1)).load();
            service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
            Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            JsonNode statement = json("/customers/" + customer + "/statement");
            JsonNode aging = json("/aging?customerId=" + customer + "&asOf=" + today + "&knownAt=" + at);
            String statementText = Poppler.text(pdf("/customers/" + customer + "/statement?asOf=" + today + "&knownAt=" + at, "zh-CN").getBody());
            String letterText = Poppler.text(pdf("/customers/" + customer + "/dunning-letters/L-1/draft?asOf=" + today + "&knownAt=" + at, "en").getBody());
            for (JsonNode item : statement.get("items")) {
                assertThat(statementText).contains(figures(decimal(item.at("/open/amount"))));
            }
            for (JsonNode total : statement.get("totalOpen")) {
                assertThat(statementText).contains(figures(decimal(total.get("amount"))), ChineseCapitalAmount.numerals(decimal(total.get("amount"))));
            }
            BigDecimal demanded = BigDecimal.ZERO;
            for (JsonNode term : aging.get("terms")) {
                if (term.get("daysPastDue").asLong() > 0 && !disputed.contains(term.get("invoiceId").asText())) {
                    assertThat(letterText).contains(term.get("invoiceId").asText(), figures(decimal(term.at("/open/amount"))));
                    demanded = demanded.add(decimal(term.at("/open/amount")));
                }
            }
            assertThat(letterText).contains("CNY " + figures(demanded));
            disputed.forEach(invoice -> assertThat(letterText).as("a disputed invoice is not demanded").doesNotContain(invoice + " "));
        }
    }

    @Test
    void aCustomerNotRegisteredIsUnknownAndALetterWithNothingOverdueIsRefused() {
        String fresh = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        service.send("/customers", "{\"customerId\": \"" + fresh + "\", \"name\": \"Newcomer Co.\", \"occurredOn\": \"" + today.minusDays(3) + "\"}");
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        assertThat(problem("/customers/NOBODY-1/statement")).contains("unknown-customer");
        assertThat(problem("/customers/" + fresh + "/dunning-letters/L-1/draft")).contains("nothing-overdue");
        assertThat(problem("/customers/" + fresh + "/dunning-letters/L-1/draft?deadline=yesterday")).contains("invalid-query");
        assertThat(problem("/customers/" + fresh + "/statement?knownAt=" + clock.instant().plusSeconds(3600))).startsWith("400").contains("invalid-query");
        assertThat(problem("/customers/" + fresh + "/evidence-checklist?asOf=" + today.plusDays(1))).startsWith("400").contains("invalid-query");
        assertThat(problem("/customers/NOBODY-1/statement")).startsWith("404");
        assertThat(Poppler.text(pdf("/customers/" + fresh + "/statement", "zh-CN").getBody())).contains("Newcomer Co.", "无未结款项");
    }

    private static JsonNode json(String path) {
        return service.http().get().uri(path).retrieve().body(JsonNode.class);
    }

    private static ResponseEntity<byte[]> pdf(String path, String language) {
        ResponseEntity<byte[]> answer = service.http().get().uri(path).header("Accept", "application/pdf").header("Accept-Language", language)
                .header("Authorization", "Bearer " + Tokens.mint("li", "collector")).retrieve().toEntity(byte[].class);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        return answer;
    }

    private static String problem(String path) {
        return service.http().get().uri(path).header("Accept", "application/pdf").exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            return status.value() + " " + new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    private static JsonNode item(JsonNode statement, String invoiceId, String termId) {
        for (JsonNode item : statement.get("items")) {
            if (item.get("invoiceId").asText().equals(invoiceId) && item.get("termId").asText().equals(termId)) {
                return item;
            }
        }
        throw new AssertionError("the statement shows no " + invoiceId + "/" + termId);
    }

    static String figures(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static void assertNotBlank(byte[] pdf, String image) {
        try {
            Files.createDirectories(IMAGES);
            BufferedImage page = Poppler.firstPage(pdf, 80, IMAGES.resolve(image));
            assertThat(Poppler.inked(page)).as(image + " has something on it").isGreaterThan(0.01);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generated customers: invoices of random amounts with cents, some paid in part, one disputed, due at random dates around today. */
    static final class GeneratedCustomer {
        private final RunningService service;
        private final String id;
        private final Random random;
        private final LocalDate lastDay;

        GeneratedCustomer(RunningService service, String id, Random random, LocalDate lastDay) {
            this.service = service;
            this.id = id;
            this.random = random;
            this.lastDay = lastDay;
        }

        /** Records it and returns the invoices under dispute. */
        List<String> load() {
            service.send("/customers", "{\"customerId\": \"" + id + "\", \"name\": \"" + NAME + " " + id + "\", \"occurredOn\": \"" + lastDay.minusDays(400) + "\"}");
            int invoices = 3 + random.nextInt(6);
            List<String> disputed = new ArrayList<>();
            for (int i = 1; i <= invoices; i++) {
                String amount = BigDecimal.valueOf(100_00 + random.nextInt(200_000_00), 2).toPlainString();
                LocalDate issued = lastDay.minusDays(10 + random.nextInt(200));
                LocalDate due = issued.plusDays(30);
                service.send("/customers/" + id + "/invoices", """
                        {"invoiceId": "INV-%d", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"},
                         "terms": [{"termId": "T1", "amount": {"amount": "%s", "currency": "CNY"}, "dueDate": "%s"}]}"""
                        .formatted(i, issued, amount, amount, due));
                if (i == 2) {
                    service.send("/customers/" + id + "/disputes", """
                            {"disputeId": "DS-1", "occurredOn": "%s", "invoiceId": "INV-2", "amount": {"amount": "%s", "currency": "CNY"},
                             "reason": "QUALITY", "description": "cracked bags"}""".formatted(issued.plusDays(5), amount));
                    disputed.add("INV-2");
                }
            }
            service.send("/customers/" + id + "/payments", """
                    {"paymentId": "P-1", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""
                    .formatted(lastDay, BigDecimal.valueOf(1_00 + random.nextInt(50_000_00), 2).toPlainString()));
            return disputed;
        }
    }

    /** Amounts leave as text ("125000.00"), exact. */
    private static BigDecimal decimal(JsonNode amount) {
        return new BigDecimal(amount.asText());
    }
}
