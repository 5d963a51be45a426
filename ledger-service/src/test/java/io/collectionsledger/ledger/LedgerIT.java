package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The service as it runs, on a PostgreSQL database of this test run's own, driven over HTTP.
 * All integration tests share one application context; each works on customers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=",
        "ledger.close-of-day-cron=-",
        "ledger.security.jwt-secret=" + Tokens.SECRET})
@AutoConfigureObservability
@Import(LedgerIT.TestClock.class)
public abstract class LedgerIT {

    public static final Instant START = Instant.parse("2026-11-24T02:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", FreshDatabase::url);
        registry.add("spring.datasource.username", FreshDatabase::user);
        registry.add("spring.datasource.password", FreshDatabase::password);
        registry.add("spring.rabbitmq.virtual-host", () -> TestBroker.shared().vhost());
        registry.add("spring.rabbitmq.username", () -> TestBroker.shared().user());
        registry.add("spring.rabbitmq.password", () -> TestBroker.shared().password());
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MovableClock clock;
    @LocalServerPort
    protected int port;

    protected String customer;

    @BeforeEach
    void newCustomer() {
        customer = "C-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    /** Billing, a service that may do anything, as most tests' caller. */
    protected static final String CALLER = Tokens.mint("billing", Tokens.EVERY_ROLE);

    /** A command as a client sends it: JSON body, a bearer token and a fresh command id. */
    protected ResponseEntity<JsonNode> command(String path, String json) {
        return command(path, json, UUID.randomUUID().toString(), headers -> { });
    }

    protected ResponseEntity<JsonNode> command(String path, String json, String commandId, Consumer<HttpHeaders> extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(CALLER);
        headers.set(Headers.IDEMPOTENCY_KEY, commandId);
        extra.accept(headers);
        return http.exchange(path.replace("{c}", customer), HttpMethod.POST, new HttpEntity<>(json.replace("{c}", customer), headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> get(String path, Consumer<HttpHeaders> extra) {
        return get(path, JsonNode.class, extra);
    }

    /** A query whose answer is read as the given type, e.g. a CSV export as a String. */
    protected <T> ResponseEntity<T> get(String path, Class<T> answer, Consumer<HttpHeaders> extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(CALLER);
        extra.accept(headers);
        return http.exchange(path.replace("{c}", customer), HttpMethod.GET, new HttpEntity<>(headers), answer);
    }

    /** A query whose answer is not one JSON document (NDJSON, CSV), as text. */
    protected ResponseEntity<String> getText(String path, Consumer<HttpHeaders> extra) {
        return get(path, String.class, extra);
    }

    /**
     * A request sent byte for byte over a socket, as no HTTP library would send it (a path with
     * NUL, a 9 KB header, TRACE); {@code {c}} in the target is this test's customer.
     */
    protected RawHttp.Answer raw(String method, String target, Map<String, String> headers) {
        return RawHttp.send(port, method + " " + target.replace("{c}", customer) + " HTTP/1.1", headers, null);
    }

    /** The same, with the token of a caller of the role. */
    protected RawHttp.Answer raw(String method, String target, String role) {
        return raw(method, target, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.mint("raw-" + role, role)));
    }

    /** Registers this test's customer and returns the answer. */
    protected ResponseEntity<JsonNode> register() {
        return command("/customers", """
                {"customerId": "%s", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""".formatted(customer));
    }

    /** This test's own command id, so tests never collide on an id under one client. */
    protected String id(String name) {
        return customer + "-" + name;
    }

    /** The JSON object with one more field. */
    protected static String with(String json, String field) {
        int end = json.lastIndexOf('}');
        return json.substring(0, end) + ", " + field + json.substring(end);
    }

    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    protected long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(aggregate).query(Long.class).single();
    }
}
