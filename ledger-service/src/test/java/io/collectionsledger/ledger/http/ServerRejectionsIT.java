package io.collectionsledger.ledger.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.RawHttp;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is refused before Spring MVC reads a request, by Tomcat or by Spring Security's firewall,
 * and what is refused for its method rather than its caller: each said as a problem detail, checked
 * over a plain socket, since no HTTP library sends these.
 */
class ServerRejectionsIT extends LedgerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void headerFieldsOverTheLimitAre431() {
        RawHttp.Answer answer = raw("GET", "/aging", Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.mint("li", "collector"),
                "X-Padding", "p".repeat(9 * 1024)));

        assertProblem(answer, 431, "request-header-fields-too-large");
        assertThat(detail(answer)).contains("8192 bytes");
    }

    @Test
    void aRequestLineOverTheLimitIs431() {
        // the limit is the request line's and the header fields' together
        RawHttp.Answer answer = raw("GET", "/customers/{c}/payments?asOf=" + "9".repeat(9 * 1024), "service");

        assertProblem(answer, 431, "request-header-fields-too-large");
    }

    @Test
    void aMalformedHeaderFieldIsABadRequest() {
        assertProblem(raw("POST", "/customers/{c}/payments", Map.of("Idempotency Key", "k-1")), 400, "bad-request");
        assertProblem(raw("GET", "/aging", Map.of("X-Padding", "a\u0001b")), 400, "bad-request");
    }

    @Test
    void aPathTomcatCannotDecodeIsABadRequest() {
        for (String path : new String[]{"/customers/A%2FB/statement", "/customers/A%00/statement", "/customers/A%5CB/statement"}) {
            assertProblem(raw("GET", path, "collector"), 400, "bad-request");
        }
    }

    @Test
    void aMalformedRequestLineIsABadRequest() {
        assertProblem(RawHttp.send(port, "GET /aging HTTP/1.1 and more", Map.of(), null), 400, "bad-request");
        assertProblem(RawHttp.send(port, "G\u0001T /aging HTTP/1.1", Map.of(), null), 400, "bad-request");
    }

    @Test
    void aPathThatIsNotNormalisedIsRefusedAsSuchWhateverTheToken() {
        for (String path : new String[]{"//aging", "/./aging", "/customers/{c}/../{c}/statement", "/aging;x=1", "/aging%25", "/customers/%2E%2E/aging"}) {
            assertProblem(raw("GET", path, "collector"), 400, "invalid-path");
            assertProblem(raw("GET", path, Map.of()), 400, "invalid-path");
        }
    }

    @Test
    void traceIs405WithTheMethodsThePathTakes() {
        // a command's path that nothing reads back (a payment's list takes GET too)
        RawHttp.Answer command = raw("TRACE", "/customers/{c}/payments/P-1/reversal", "service");
        assertProblem(command, 405, "method-not-allowed");
        assertThat(command.header(HttpHeaders.ALLOW)).isEqualTo("POST");

        RawHttp.Answer report = raw("TRACE", "/aging", Map.of());
        assertProblem(report, 405, "method-not-allowed");
        assertThat(report.header(HttpHeaders.ALLOW)).isEqualTo("GET, HEAD");

        RawHttp.Answer nothing = raw("TRACE", "/nothing-here", Map.of());
        assertProblem(nothing, 404, "not-found");
        assertThat(nothing.header(HttpHeaders.ALLOW)).isNull();
    }

    @Test
    void aMethodThePathDoesNotTakeIs405WithAllowWhoeverAsksWithAToken() {
        for (String role : new String[]{"service", "collector", "auditor"}) {
            RawHttp.Answer answer = raw("GET", "/customers/{c}/payments/P-1/reversal", role);
            assertProblem(answer, 405, "method-not-allowed");
            assertThat(answer.header(HttpHeaders.ALLOW)).isEqualTo("POST");
        }
        RawHttp.Answer put = raw("PUT", "/aging", "analyst");
        assertProblem(put, 405, "method-not-allowed");
        assertThat(put.header(HttpHeaders.ALLOW)).contains("GET");

        assertProblem(raw("GET", "/customers/{c}/payments/P-1/reversal", Map.of()), 401, "unauthenticated");
        assertProblem(raw("DELETE", "/nothing-here", "auditor"), 404, "not-found");
        // a role that may not call what is served there is still forbidden
        assertProblem(raw("POST", "/customers/{c}/payments", "collector"), 403, "forbidden");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header(HttpHeaders.CONTENT_TYPE)).as(answer.toString()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json(answer);
        assertThat(problem.get("type").asText()).isEqualTo("urn:collections-ledger:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("java.", "<html");
    }

    private static String detail(RawHttp.Answer answer) {
        return json(answer).get("detail").asText();
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }
}
