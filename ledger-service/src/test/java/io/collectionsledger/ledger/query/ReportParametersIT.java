package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parameters every report shares, over HTTP: a value that cannot be read is an invalid query, in JSON and in CSV. */
class ReportParametersIT extends LedgerIT {

    @Test
    void aDateThatCannotBeReadIsAnInvalidQueryEvenWhenCsvIsAskedFor() {
        ResponseEntity<JsonNode> answer = get("/worklist?knownAt=noon", h -> h.setAccept(List.of(MediaType.parseMediaType("text/csv"))));

        assertInvalidQuery(answer, "knownAt: ");
    }

    @Test
    void aMinimumPositionThatIsNoNumberIsAnInvalidQuery() {
        assertInvalidQuery(get("/customers/{c}/statement", h -> h.set(Headers.MIN_POSITION, "latest")), Headers.MIN_POSITION + ": ");
        assertInvalidQuery(get("/customers/{c}/evidence-checklist", h -> h.set(Headers.MIN_POSITION, "latest")), Headers.MIN_POSITION + ": ");
    }

    private static void assertInvalidQuery(ResponseEntity<JsonNode> answer, String detail) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(answer.getBody().get("detail").asText()).startsWith(detail);
    }
}
