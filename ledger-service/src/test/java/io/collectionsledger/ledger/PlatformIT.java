package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.web.CommandRoute;
import io.collectionsledger.ledger.web.CommandRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators and auditors rely on besides the API itself. */
class PlatformIT extends LedgerIT {

    @Test
    void healthAndReadinessAreUp() {
        assertThat(get("/actuator/health/readiness", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", h -> { }).getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsAxonProcessorLagAndHandlerTimings() {
        register();
        HttpHeaders scraper = new HttpHeaders();
        scraper.setBearerAuth(Tokens.mint("prometheus", "analyst"));

        // A read model's meters appear with the first event it handles.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET,
                new HttpEntity<>(scraper), String.class).getBody())
                .contains("eventProcessor_latency{", "eventProcessor_capacity{", "processorName=\"customer-statement\"",
                        "commandBus_successTimer_seconds"));
    }

    @Test
    void theOpenApiDocumentDescribesTheCommandsAndTheirHeaders() {
        JsonNode api = get("/v3/api-docs", h -> { }).getBody();

        assertThat(api.at("/paths").has("/customers/{customerId}/payments")).isTrue();
        assertThat(api.at("/paths/~1customers~1{customerId}~1payments/post/parameters").toString()).contains(Headers.IDEMPOTENCY_KEY);
        assertThat(api.at("/components/schemas/RecordPayment/properties/amount/properties/amount/type").asText()).isEqualTo("string");
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
