package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameters every report shares, over HTTP: a value that cannot be read is an invalid query, in
 * JSON and in CSV, and so is a parameter the report does not read, one given twice, or one holding
 * what no parameter may; each said in words a client can act on.
 */
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

    @Test
    void aParameterTheReportDoesNotReadOrOneGivenTwiceIsAnInvalidQuery() {
        assertInvalidQuery(raw("GET", "/aging?customerid={c}", "analyst"), "customerid is not a parameter here; the parameters are after, asOf, ");
        assertInvalidQuery(raw("GET", "/customers/{c}/statement?asOf=2026-11-01", "analyst"), "asOf is not a parameter here; there are none");
        assertInvalidQuery(raw("GET", "/aging?limit=1&limit=2", "analyst"), "limit: given more than once");
        assertThat(raw("GET", "/customers/{c}/history?type=PaymentRecorded&type=PaymentReversed", "auditor").status()).isNotEqualTo(400);
    }

    @Test
    void aParameterHoldingNulAControlCharacterOrBytesThatAreNotUtf8IsAnInvalidQuery() {
        assertInvalidQuery(raw("GET", "/aging?customerId=%00", "analyst"), "customerId: holds a control or invisible character");
        assertInvalidQuery(raw("GET", "/audit/access-log?principal=a%00b", "auditor"), "principal: holds a control or invisible character");
        assertInvalidQuery(raw("GET", "/worklist?collector=li%E2%80%AE", "analyst"), "collector: holds a control or invisible character");
        assertInvalidQuery(raw("GET", "/aging?customerId=%FF", "analyst"), "customerId: not UTF-8");
        assertInvalidQuery(raw("GET", "/aging?customerId=" + "A".repeat(201), "analyst"), "customerId: at most 200 characters");
    }

    @Test
    void whatAParameterTakesIsSaidInWordsAClientCanActOn() {
        assertInvalidQuery(raw("GET", "/aging?buckets=30,,60", "analyst"),
                "buckets: boundaries are days past due, whole numbers increasing from 1 to 36500 such as 30,60,90; got 30,,60");
        assertInvalidQuery(raw("GET", "/aging?buckets=abc", "analyst"), "buckets: whole numbers separated by commas, such as 30,60,90; got abc");
        assertInvalidQuery(raw("GET", "/aging?asOf=2026-13-01", "analyst"), "asOf: a date such as 2026-11-24; got 2026-13-01");
        assertInvalidQuery(raw("GET", "/promise-watchlist/rates?from=2026-13-01&to=2026-12-31", "analyst"),
                "from: a date such as 2026-11-24; got 2026-13-01");
        assertInvalidQuery(raw("GET", "/audit/access-log?from=yesterday", "auditor"),
                "from: a time with its offset, such as 2026-11-24T10:00:00Z; got yesterday");
        assertInvalidQuery(raw("GET", "/audit/access-log?limit=0", "auditor"), "limit: from 1 to 1000; got 0");
        assertInvalidQuery(raw("GET", "/customers/{c}/credit-decision?currency=CNY", "collector"), "amount: required");
        assertInvalidQuery(raw("GET", "/customers/{c}/history?after=1.5", "auditor"), "after: a whole number; got 1.5");
    }

    @Test
    void aMinimumPositionBelowZeroOrBeyondALongIsAnInvalidQuery() {
        for (String position : new String[]{"-1", "99999999999999999999", "1e3"}) {
            assertInvalidQuery(get("/customers/{c}/statement", h -> h.set(Headers.MIN_POSITION, position)), Headers.MIN_POSITION + ": ");
        }
    }

    private static void assertInvalidQuery(RawHttp.Answer answer, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body()).contains("\"type\":\"urn:collections-ledger:problem:invalid-query\"").contains("\"detail\":\"" + detail);
    }

    private static void assertInvalidQuery(ResponseEntity<JsonNode> answer, String detail) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(answer.getBody().get("detail").asText()).startsWith(detail);
    }
}
