package io.collectionsledger.ledger.documents;

import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long each document takes for a customer with 500 open items: 100 requests of each, one at
 * a time, timed at the client. A measurement, not a check of the suite: run it with
 * {@code -Dit.test=DocumentTimingIT -Ddocuments.timing=true}.
 */
@EnabledIfSystemProperty(named = "documents.timing", matches = "true")
class DocumentTimingIT {

    private static final int ITEMS = 500;
    private static final int REQUESTS = 100;

    @Test
    void p95OfEachDocumentForACustomerWith500OpenItems() {
        MovableClock clock = new MovableClock(LedgerIT.START);
        try (RunningService service = RunningService.start(FreshDatabase.another(), clock)) {
            String customer = "BIG-" + UUID.randomUUID().toString().substring(0, 8);
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
            service.send("/customers", "{\"customerId\": \"" + customer + "\", \"name\": \"" + CollectionDocumentsIT.NAME
                    + "\", \"occurredOn\": \"" + today.minusDays(400) + "\"}");
            service.send("/customers/" + customer + "/contracts", """
                    {"contractId": "K-1", "occurredOn": "%s",
                     "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-1-stamped.pdf"}],
                     "paymentTerms": [{"termId": "T1", "percent": 100, "trigger": "ON_DELIVERY", "days": 30}],
                     "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true},
                     "disputeClause": {"forum": "LITIGATION", "body": "上海市浦东新区人民法院"}}""".formatted(today.minusDays(399)));
            StringJoiner items = new StringJoiner(",", "{\"items\": [", "]}");
            for (int i = 1; i <= ITEMS; i++) {
                LocalDate issued = today.minusDays(30 + i % 300);
                items.add("""
                        {"commandId": "%s-%d", "type": "IssueInvoice", "command": {"customerId": "%s", "invoiceId": "INV-%04d", "contractId": "K-1",
                         "occurredOn": "%s", "amount": {"amount": "%d.%02d", "currency": "CNY"}}}"""
                        .formatted(customer, i, customer, i, issued, 1_000 + i * 37, i % 100));
            }
            service.http().post().uri("/imports").contentType(MediaType.APPLICATION_JSON).body(items.toString()).retrieve().toBodilessEntity();
            clock.advance(Duration.ofDays(1));
            service.send("/admin/close-of-day", "{}");
            service.awaitReadModelsCaughtUp(Duration.ofSeconds(120));
            LocalDate asOf = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
            String knownAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

            List<String> lines = new ArrayList<>();
            for (String[] document : new String[][]{
                    {"dunning letter", "/customers/" + customer + "/dunning-letters/L-1/draft"},
                    {"statement of account", "/customers/" + customer + "/statement"},
                    {"evidence pack", "/customers/" + customer + "/evidence-checklist"}}) {
                String path = document[1] + "?asOf=" + asOf + "&knownAt=" + knownAt;
                byte[] pdf = get(service, path);
                for (int warm = 0; warm < 5; warm++) {
                    get(service, path);
                }
                long[] nanos = new long[REQUESTS];
                for (int i = 0; i < REQUESTS; i++) {
                    long start = System.nanoTime();
                    byte[] again = get(service, path);
                    nanos[i] = System.nanoTime() - start;
                    assertThat(again).isEqualTo(pdf);
                }
                Arrays.sort(nanos);
                int pages = Poppler.text(pdf).split("\f", -1).length - 1;
                lines.add(String.format(Locale.ROOT, "%-22s %4d pages %8d bytes  p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms", document[0], pages,
                        pdf.length, nanos[REQUESTS / 2] / 1e6, nanos[(int) Math.ceil(REQUESTS * 0.95) - 1] / 1e6, nanos[REQUESTS - 1] / 1e6));
            }
            System.out.println("DOCUMENT TIMING, " + ITEMS + " open items, " + REQUESTS + " requests each, one at a time:");
            lines.forEach(line -> System.out.println("DOCUMENT TIMING " + line));
        }
    }

    private static byte[] get(RunningService service, String path) {
        return service.http().get().uri(path).header("Accept", "application/pdf").header("Accept-Language", "zh-CN").retrieve().body(byte[].class);
    }
}
