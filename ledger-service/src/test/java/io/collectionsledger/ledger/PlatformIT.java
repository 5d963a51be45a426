package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.web.CommandRoute;
import io.collectionsledger.ledger.web.CommandRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators and auditors rely on besides the API itself. */
class PlatformIT extends LedgerIT {

    @LocalManagementPort
    private int managementPort;

    @Test
    void healthAndReadinessAreUpOnTheManagementPortAndOnTheApiPort() {
        String management = "http://127.0.0.1:" + managementPort;
        assertThat(get(management + "/actuator/health/readiness", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
        assertThat(get(management + "/actuator/health/liveness", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
        assertThat(get("/readyz", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
        assertThat(get("/livez", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusOnTheManagementPortShowsAxonProcessorLagAndHandlerTimingsWithoutAToken() {
        register();

        // A read model's meters appear with the first event it handles.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.getForObject(
                "http://127.0.0.1:" + managementPort + "/actuator/prometheus", String.class))
                .contains("eventProcessor_latency{", "eventProcessor_capacity{", "processorName=\"customer-statement\"",
                        "commandBus_successTimer_seconds"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void eachCommandAndEachRefusedRequestIsOneLogLine(CapturedOutput log) {
        register();
        command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2099-01-01", "amount": {"amount": "1.00", "currency": "CNY"}, "method": "CASH"}""");
        http.getForEntity("/aging", String.class);

        // a refused request's line is written once its answer has gone, which the client may see first
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.getOut())
                .containsPattern("RegisterCustomer for " + customer + " from billing \\(command [^)]+\\): recorded as version 0 in \\d+ ms")
                .containsPattern("RecordPayment for " + customer + " from billing \\(command [^)]+\\): refused in \\d+ ms, dated-in-the-future: ")
                .containsPattern("POST /customers/" + customer + "/payments refused: 422 dated-in-the-future \\(client billing, \\d+ ms\\)")
                .containsPattern("GET /aging refused: 401 unauthenticated \\(client -, \\d+ ms\\)"));
    }

    @Test
    void theOpenApiDocumentDescribesTheCommandsAndTheirHeaders() {
        JsonNode api = get("/v3/api-docs", h -> { }).getBody();

        assertThat(api.at("/paths").has("/customers/{customerId}/payments")).isTrue();
        assertThat(api.at("/paths/~1customers~1{customerId}~1payments/post/parameters").toString()).contains(Headers.IDEMPOTENCY_KEY);
        assertThat(api.at("/components/schemas/RecordPayment/properties/amount/$ref").asText()).isEqualTo("#/components/schemas/Money");
        assertThat(api.at("/components/schemas/Money/properties/amount/type").asText()).isEqualTo("string");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOpenApiDocumentHasAnOperationForEachCommandRoute() {
        JsonNode api = get("/v3/api-docs", h -> { }).getBody();

        for (CommandRoute route : CommandRoutes.ALL) {
            JsonNode post = api.get("paths").path(route.path()).path("post");
            String schema = route.command().getSimpleName();
            assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText()).as(route.path())
                    .isEqualTo("#/components/schemas/" + schema);
            assertThat(api.at("/components/schemas/" + schema + "/properties").has("customerId")).as(schema).isTrue();
            assertThat(post.get("summary").asText()).isEqualTo(route.summary());
            assertThat(post.get("tags")).extracting(JsonNode::asText).containsExactly(route.tag());
            assertThat(post.get("parameters")).filteredOn(parameter -> parameter.get("in").asText().equals("path"))
                    .extracting(parameter -> parameter.get("name").asText()).containsExactlyElementsOf(route.pathVariables());
        }
    }

    @Test
    void payloadsMetadataAndTokensAreReadableJsonAndNothingIsALargeObject() {
        register();
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = 'public' and data_type = 'oid'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select payload ->> 'name' from event_journal where aggregate_identifier = ?")
                .param(customer).query(String.class).single()).isEqualTo("Hengda Building Materials Co.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select convert_from(token, 'UTF8') from token_entry where processor_name = 'customer-statement'")
                        .query(String.class).list()).isNotEmpty().allMatch(token -> token != null && token.startsWith("{\"index\":")));
    }

    @Test
    void aQueryAskingForAPositionNotYetReachedSaysSoAfterTheWait() {
        ResponseEntity<JsonNode> answer = get("/customers/{c}/statement", h -> {
            h.set(Headers.MIN_POSITION, "999999999");
            h.set("Prefer", "wait=1");
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:read-model-behind");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }
}
