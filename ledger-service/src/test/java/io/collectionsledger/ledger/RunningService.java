package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.testing.FreshDatabase;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a database of the test's own, started and stopped as an operator would,
 * with a clock that survives restarts as the world's does.
 */
public final class RunningService implements AutoCloseable {

    private static MovableClock clock;

    /** Not a {@code @Configuration}: component scanning would put it into every test's context. */
    static class SharedClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return clock;
        }
    }

    private final ConfigurableApplicationContext context;
    private final String url;
    private final RestClient http;
    /** Axon's message clocks are static: the clocks of the service started before this one, given back on close. */
    private final Clock eventClock;
    private final Clock deadlineClock;

    private RunningService(ConfigurableApplicationContext context, Clock eventClock, Clock deadlineClock) {
        this.context = context;
        this.eventClock = eventClock;
        this.deadlineClock = deadlineClock;
        this.url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.http = RestClient.builder().baseUrl(url)
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.mint("it", Tokens.EVERY_ROLE))).build();
    }

    public static RunningService start(String database, MovableClock worldClock) {
        return start(database, worldClock, new String[0]);
    }

    /** @param settings more command-line settings, such as {@code --ledger.audit.verify-interval=PT2S} */
    public static synchronized RunningService start(String database, MovableClock worldClock, String... settings) {
        clock = worldClock;
        Clock eventClock = GenericEventMessage.clock;
        Clock deadlineClock = GenericDeadlineMessage.clock;
        // command-line arguments: they outrank application.yml, as the environment does in production
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(),
                "--logging.structured.format.console=",
                "--ledger.close-of-day-cron=-",
                "--spring.jmx.enabled=false",
                "--ledger.security.jwt-secret=" + Tokens.SECRET));
        arguments.addAll(TestBroker.shared().serviceArguments());
        arguments.addAll(List.of(settings));
        return new RunningService(new SpringApplicationBuilder(LedgerApplication.class, SharedClock.class).run(
                arguments.toArray(String[]::new)), eventClock, deadlineClock);
    }

    /** Sends a command as a client would, with a token allowing everything and a fresh command id; fails the test unless it is recorded. */
    public void send(String path, String json) {
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .body(json).retrieve().toBodilessEntity();
    }

    /** Where it listens, for a client of the test's own. */
    public String url() {
        return url;
    }

    /** Where its management endpoints listen (health, Prometheus), as the cluster's probes reach them: without a token. */
    public String managementUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
    }

    /** Calls its management port (metrics, Prometheus, health) with a token that allows everything. */
    public RestClient management() {
        return RestClient.builder().baseUrl(managementUrl())
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.mint("it", Tokens.EVERY_ROLE))).build();
    }

    /** Calls with a token that allows everything. */
    public RestClient http() {
        return http;
    }

    /** Starts the rebuild of every read model from the whole stream, as an operator would. */
    public void rebuildEveryReadModel() {
        send("/admin/read-models/rebuild", "{}");
    }

    /** Every read model has caught up with the journal and none is being rebuilt. */
    public void awaitReadModelsCaughtUp(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(readModels())
                .allMatch(model -> model.get("caughtUp").asBoolean() && !model.get("rebuilding").asBoolean()));
    }

    private JsonNode readModels() {
        return http.get().uri("/admin/read-models").retrieve().body(JsonNode.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        context.close();
        GenericEventMessage.clock = eventClock;
        GenericDeadlineMessage.clock = deadlineClock;
    }
}
