package io.collectionsledger.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Who saw what: reads by auditors and analysts are remembered, and only an auditor may look them up. */
class AccessLogIT extends LedgerIT {

    @Test
    void readsByAuditorsAndAnalystsAreLoggedAndAnAuditorCanFindThem() {
        register();
        String analyst = "analyst-" + customer;
        String collector = "collector-" + customer;
        assertThat(get("/aging?customerId={c}", as(analyst, "analyst")).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders csv = new HttpHeaders();
        csv.setBearerAuth(Tokens.mint(analyst, "analyst"));
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        http.exchange("/aging?customerId=" + customer, HttpMethod.GET, new HttpEntity<>(csv), String.class);
        get("/customers/{c}/statement", as(collector, "collector"));

        ResponseEntity<JsonNode> log = get("/audit/access-log?principal=" + analyst, as("auditor-1", "auditor"));
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode entries = log.getBody().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("path").asText()).isEqualTo("/aging");
        assertThat(entries.get(0).get("query").asText()).isEqualTo("customerId=" + customer);
        assertThat(entries.get(0).get("roles").asText()).isEqualTo("analyst");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(entries.get(1).get("format").asText()).startsWith("text/csv");
        assertThat(StreamSupport.stream(get("/audit/access-log?principal=" + collector, as("auditor-1", "auditor"))
                .getBody().get("entries").spliterator(), false)).isEmpty();

        assertThat(get("/audit/access-log", as(analyst, "analyst")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static java.util.function.Consumer<HttpHeaders> as(String subject, String role) {
        return h -> h.setBearerAuth(Tokens.mint(subject, role));
    }
}
