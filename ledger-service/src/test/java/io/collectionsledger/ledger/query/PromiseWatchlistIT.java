package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The promise-breach watchlist over HTTP, following what the close of day and a payment recorded late record. */
class PromiseWatchlistIT extends LedgerIT {

    @Test
    void promisesAreDueUntilTheCloseOfDayJudgesThemAndABackdatedPaymentShowsAsACorrection() {
        String collector = "collector-" + customer.substring(2, 10);
        register();
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}"""));
        ok(command("/customers/{c}/collector-assignments", """
                {"occurredOn": "2026-11-01", "collector": "%s", "tier": "B"}""".formatted(collector)));
        ok(command("/customers/{c}/contact-attempts", """
                {"contactId": "CT-1", "occurredOn": "2026-11-02", "channel": "PHONE", "partyReached": "Zhang Min, CFO",
                 "outcome": "PROMISE_OBTAINED", "recordingRef": "rec-2026-11-02-001"}"""));
        ok(command("/customers/{c}/payment-promises", promise("PR-1", "2026-11-02", "600.00", "2026-11-10")));
        ok(command("/customers/{c}/payment-promises", promise("PR-2", "2026-11-12", "300.00", "2026-11-15")));
        ok(command("/customers/{c}/payment-promises", promise("PR-3", "2026-11-20", "100.00", "2026-11-28")));
        String position = ok(command("/customers/{c}/payments", payment("P-1", "2026-11-11", "600.00"))).getHeaders().getFirst(Headers.POSITION);

        JsonNode due = ok(get("/promise-watchlist?dueWithinDays=7&customerId={c}", h -> h.set(Headers.MIN_POSITION, position))).getBody();

        assertThat(due.get("promises")).extracting(p -> p.get("promiseId").asText()).containsExactly("PR-1", "PR-2", "PR-3");
        assertThat(due.at("/promises/2/daysUntilDue").asLong()).isEqualTo(ChronoUnit.DAYS.between(today(), LocalDate.parse("2026-11-28")));
        assertThat(due.at("/promises/2/collector").asText()).isEqualTo(collector);
        assertThat(due.at("/promises/0/receivedSoFar/amount").asText()).isEqualTo("600.00");

        ok(command("/admin/close-of-day", "{}"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(breaches("").get("breaches")).hasSize(2));
        JsonNode broken = breaches("");
        assertThat(broken.at("/breaches/1/promiseId").asText()).isEqualTo("PR-1");
        assertThat(broken.at("/breaches/1/outcome").asText()).isEqualTo("BROKEN");
        assertThat(broken.at("/breaches/1/shortfall/amount").asText()).isEqualTo("600.00");
        assertThat(broken.at("/breaches/1/daysLate").asLong()).isEqualTo(1);
        assertThat(broken.at("/breaches/1/settledOn").asText()).isEqualTo("2026-11-11");
        assertThat(broken.at("/repeatedBreaches/0/breaches").asInt()).isEqualTo(2);

        Instant beforeThePayment = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        String corrected = ok(command("/customers/{c}/payments", payment("P-2", "2026-11-14", "300.00"))).getHeaders().getFirst(Headers.POSITION);

        JsonNode now = ok(get("/promise-watchlist/breaches?customerId={c}", h -> h.set(Headers.MIN_POSITION, corrected))).getBody();
        assertThat(now.at("/breaches/0/promiseId").asText()).isEqualTo("PR-2");
        assertThat(now.at("/breaches/0/outcome").asText()).isEqualTo("KEPT");
        assertThat(now.at("/breaches/0/correction/from").asText()).isEqualTo("BROKEN");
        assertThat(now.at("/breaches/0/correction/paymentId").asText()).isEqualTo("P-2");
        assertThat(now.get("repeatedBreaches")).isEmpty();
        JsonNode asKnownBefore = breaches("&knownAt=" + beforeThePayment);
        assertThat(asKnownBefore.at("/breaches/0/outcome").asText()).isEqualTo("BROKEN");
        assertThat(asKnownBefore.at("/breaches/0/correction").isMissingNode()).isTrue();

        JsonNode rates = ok(get("/promise-watchlist/rates?from=2026-11-01&to=2026-11-30&by=collector", h -> { })).getBody();
        JsonNode mine = null;
        for (JsonNode row : rates.get("rows")) {
            if (row.get("group").asText().equals(collector)) {
                mine = row;
            }
        }
        assertThat(mine).as("a row for %s in %s", collector, rates).isNotNull();
        assertThat(mine.get("contactAttempts").asInt()).isEqualTo(1);
        assertThat(mine.get("promisesObtained").asInt()).isEqualTo(3);
        assertThat(mine.get("judged").asInt()).isEqualTo(2);
        assertThat(mine.get("keptRate").decimalValue()).isEqualByComparingTo("0.5");

        ResponseEntity<String> csv = get("/promise-watchlist/breaches?customerId={c}", String.class,
                h -> h.setAccept(List.of(MediaType.parseMediaType("text/csv"))));
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).contains("promiseId").contains(customer + ",PR-1," + collector + ",2026-11-02,2026-11-10,600.00,CNY,BROKEN");
    }

    @Test
    void ratesNeedAPeriodThatEndsAfterItStartsAndAKnownGrouping() {
        ResponseEntity<JsonNode> backwards = get("/promise-watchlist/rates?from=2026-11-30&to=2026-11-01", h -> { });
        ResponseEntity<JsonNode> unknown = get("/promise-watchlist/rates?from=2026-11-01&to=2026-11-30&by=region", h -> { });

        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode breaches(String parameters) {
        return ok(get("/promise-watchlist/breaches?customerId={c}" + parameters, h -> { })).getBody();
    }

    private static String promise(String id, String on, String amount, String by) {
        return """
                {"promiseId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "promisedDate": "%s",
                 "form": "WRITTEN", "documentRef": "commitment-%s.pdf"}""".formatted(id, on, amount, by, id);
    }

    private static String payment(String id, String on, String amount) {
        return """
                {"paymentId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""
                .formatted(id, on, amount);
    }

    private static <T> ResponseEntity<T> ok(ResponseEntity<T> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer;
    }
}
