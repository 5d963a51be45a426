package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report about one customer is not an empty report when the journal does not know the customer
 * at the time it is read as known at: it is 404 unknown-customer, so that a mistyped id never reads
 * as a customer that owes nothing. The credit decision keeps its documented answer.
 */
class UnknownCustomersIT extends LedgerIT {

    private static final List<String> ABOUT_ONE_CUSTOMER = List.of(
            "/customers/{c}/statement",
            "/customers/{c}/evidence-checklist",
            "/customers/{c}/invoices/INV-1/evidence-checklist",
            "/aging?customerId={c}",
            "/promise-watchlist?customerId={c}",
            "/promise-watchlist/breaches?customerId={c}");

    @Test
    void aReportAboutACustomerNobodyRegisteredIsNotFound() {
        for (String report : ABOUT_ONE_CUSTOMER) {
            assertUnknownCustomer(get(report, h -> { }), report);
        }
        ResponseEntity<JsonNode> decision = get("/customers/{c}/credit-decision?amount=10.00&currency=CNY", h -> { });
        assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(decision.getBody().get("allowed").asBoolean()).isFalse();
        assertThat(decision.getBody().toString()).contains("UNKNOWN_CUSTOMER");
    }

    @Test
    void aReportAsKnownBeforeTheCustomerWasRegisteredIsNotFoundAndAfterwardsIsAnswered() {
        Instant before = clock.instant().minusSeconds(60);
        register();

        for (String report : List.of("/customers/{c}/evidence-checklist", "/aging?customerId={c}", "/promise-watchlist?customerId={c}")) {
            String asKnownBefore = report + (report.contains("?") ? "&" : "?") + "knownAt=" + before;
            assertUnknownCustomer(get(asKnownBefore, h -> { }), asKnownBefore);
            assertThat(get(report, h -> { }).getStatusCode()).as(report).isEqualTo(HttpStatus.OK);
        }
        assertThat(get("/customers/{c}/statement", h -> { }).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static void assertUnknownCustomer(ResponseEntity<JsonNode> answer, String report) {
        assertThat(answer.getStatusCode()).as(report).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:unknown-customer");
    }
}
