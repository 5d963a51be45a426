package io.collectionsledger.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who saw what: reads by auditors and analysts are remembered, only an auditor may look them up,
 * and a read that cannot be remembered is not answered.
 */
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

    @Test
    void aReadThatCannotBeLoggedIsAnswered503WithNoneOfItsData() {
        register();
        String auditor = "auditor-" + customer;
        long logged = jdbc.sql("select count(*) from access_log").query(Long.class).single();
        jdbc.sql("""
                create function refuse_access_log() returns trigger language plpgsql as $$
                begin raise exception 'the access log cannot be written'; end $$""").update();
        jdbc.sql("create trigger refuse_access_log before insert on access_log for each row execute function refuse_access_log()").update();
        try {
            for (String accept : new String[]{"application/json", "application/x-ndjson"}) {
                ResponseEntity<String> history = getText("/customers/{c}/history", h -> {
                    h.setBearerAuth(Tokens.mint(auditor, "auditor"));
                    h.set(HttpHeaders.ACCEPT, accept);
                });
                assertThat(history.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(history.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(history.getBody()).contains("urn:collections-ledger:problem:access-log-unavailable")
                        .doesNotContain("CustomerRegistered").doesNotContain("Hengda");
            }
            ResponseEntity<String> report = getText("/aging?customerId={c}", h -> h.setBearerAuth(Tokens.mint("analyst-" + customer, "analyst")));
            assertThat(report.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(report.getBody()).doesNotContain("\"customers\"");
        } finally {
            jdbc.sql("drop trigger refuse_access_log on access_log").update();
            jdbc.sql("drop function refuse_access_log()").update();
        }
        assertThat(jdbc.sql("select count(*) from access_log").query(Long.class).single()).isEqualTo(logged);

        ResponseEntity<String> history = getText("/customers/{c}/history", h -> h.setBearerAuth(Tokens.mint(auditor, "auditor")));
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from access_log where principal = ?").param(auditor).query(Long.class).single()).isEqualTo(1);
    }

    private static java.util.function.Consumer<HttpHeaders> as(String subject, String role) {
        return h -> h.setBearerAuth(Tokens.mint(subject, role));
    }
}
