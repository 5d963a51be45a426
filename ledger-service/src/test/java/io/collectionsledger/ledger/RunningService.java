package io.collectionsledger.ledger;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.testing.FreshDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.util.UUID;

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
    private final RestClient http;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = RestClient.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static synchronized RunningService start(String database, MovableClock worldClock) {
        clock = worldClock;
        // command-line arguments: they outrank application.yml, as the environment does in production
        return new RunningService(new SpringApplicationBuilder(LedgerApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(),
                "--logging.structured.format.console=",
                "--ledger.close-of-day-cron=-",
                "--spring.jmx.enabled=false"));
    }

    /** Sends a command as a client would, under a fresh command id; fails the test unless it is recorded. */
    public void send(String path, String json) {
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(Headers.CLIENT_ID, "it").header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .body(json).retrieve().toBodilessEntity();
    }

    public RestClient http() {
        return http;
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
