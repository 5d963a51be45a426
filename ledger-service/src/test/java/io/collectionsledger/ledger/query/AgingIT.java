package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The aging report over HTTP: as of a business date, as known at a time, in JSON and CSV, after a client's own write. */
class AgingIT extends LedgerIT {

    @Test
    void theAgingReportOfOneCustomerPerCurrencyAfterItsOwnWrites() {
        register();
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "400.00", "currency": "CNY"}, "dueDate": "2026-10-01"},
                           {"termId": "T2", "amount": {"amount": "600.00", "currency": "CNY"}, "dueDate": "2026-12-01"}]}""");
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-2", "occurredOn": "2026-10-20", "amount": {"amount": "200.00", "currency": "USD"},
                 "terms": [{"termId": "T1", "amount": {"amount": "200.00", "currency": "USD"}, "dueDate": "2026-11-20"}]}""");
        Instant beforePayment = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(5));
        String position = command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-11-10", "amount": {"amount": "100.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER", "reference": "wire"}""").getHeaders().getFirst(Headers.POSITION);

        JsonNode report = aging("?customerId={c}&asOf=2026-11-24", position);
        assertThat(report.get("buckets")).extracting(JsonNode::asText)
                .containsExactly("current", "1-30", "31-60", "61-90", "91-180", "181-365", "over 365");
        JsonNode cny = row(report, "CNY");
        assertThat(amounts(cny)).containsExactly("600.00", "0.00", "300.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(money(cny.get("total"))).isEqualTo("900.00");
        JsonNode usd = row(report, "USD");
        assertThat(amounts(usd)).containsExactly("0.00", "200.00", "0.00", "0.00", "0.00", "0.00", "0.00");

        // as the ledger knew it before the payment was recorded, although it happened on 10 November
        JsonNode known = aging("?customerId={c}&asOf=2026-11-24&knownAt=" + beforePayment, null);
        assertThat(money(row(known, "CNY").get("total"))).isEqualTo("1000.00");
        // as of a day before the USD invoice was issued: only INV-1, then not yet due
        JsonNode past = aging("?customerId={c}&asOf=2026-10-01&buckets=30,90", null);
        assertThat(past.get("customers")).hasSize(1);
        assertThat(amounts(row(past, "CNY"))).containsExactly("1000.00", "0.00", "0.00", "0.00");

        // the portfolio a page at a time: the page after a prefix of the id starts with this customer
        JsonNode page = aging("?asOf=2026-11-24&limit=1&after=" + customer.substring(0, customer.length() - 1), null);
        assertThat(page.get("customers")).extracting(row -> row.get("customerId").asText()).containsOnly(customer);
        assertThat(page.get("totals")).isNotEmpty();
        JsonNode next = page.get("nextAfter");
        assertThat(next == null || next.isNull() || next.asText().equals(customer)).as("next page after %s", next).isTrue();

        ResponseEntity<String> csv = http.exchange("/aging?customerId=" + customer + "&asOf=2026-11-24", HttpMethod.GET,
                new HttpEntity<>(csvHeaders()), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        // a byte-order mark first, so that spreadsheet programs read the UTF-8 as UTF-8
        assertThat(csv.getBody().lines().toList()).contains(
                "\uFEFFcustomerId,currency,current,1-30,31-60,61-90,91-180,181-365,over 365,disputed,total,unappliedCredit",
                customer + ",CNY,600.00,0.00,300.00,0.00,0.00,0.00,0.00,0.00,900.00,0.00");
    }

    @Test
    void bucketBoundariesThatDoNotIncreaseAndPagesOutOfRangeAreAnInvalidQuery() {
        ResponseEntity<JsonNode> answer = get("/aging?buckets=30,30", h -> { });
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(get("/aging?asOf=yesterday", h -> { }).getBody().get("type").asText())
                .isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(get("/aging?limit=1001", h -> { }).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/aging?limit=0", h -> { }).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode aging(String query, String minPosition) {
        ResponseEntity<JsonNode> answer = get("/aging" + query, h -> {
            if (minPosition != null) {
                h.set(Headers.MIN_POSITION, minPosition);
            }
        });
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode row(JsonNode report, String currency) {
        for (JsonNode row : report.get("customers")) {
            if (row.get("currency").asText().equals(currency)) {
                return row;
            }
        }
        throw new AssertionError("no " + currency + " row in " + report);
    }

    private static List<String> amounts(JsonNode row) {
        return java.util.stream.StreamSupport.stream(row.get("buckets").spliterator(), false)
                .map(AgingIT::money).toList();
    }

    /** Amounts leave as text, at the currency's two decimals. */
    private static String money(JsonNode money) {
        return money.get("amount").asText();
    }

    private HttpHeaders csvHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(CALLER);
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return headers;
    }
}
