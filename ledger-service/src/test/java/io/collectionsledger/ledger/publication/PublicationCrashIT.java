package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.collectionsledger.ledger.TestBroker;
import io.collectionsledger.ledger.Tokens;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as it runs in production, twice on one database, publishing to a virtual host
 * of this test's own: the first instance starts while the broker refuses it (it is ready and takes
 * commands; the lag grows), then the broker lets it in, a second instance joins, and the first is
 * killed with SIGKILL in the middle of a burst of commands and started again. Afterwards a
 * consumer that de-duplicates by message-id finds every event of the journal once, each customer's
 * in order.
 */
class PublicationCrashIT {

    private static final Path JAR = Path.of("target/ledger-service.jar");
    private static final Path LOGS = Path.of("target/publication-crash");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = Tokens.mint("crash-client", Tokens.EVERY_ROLE);
    private static final int CUSTOMERS = 40;
    private static final int COMMANDS_PER_CUSTOMER = 40;

    private final String database = FreshDatabase.another();
    private final TestBroker broker = TestBroker.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    /** One instance of the service: its port and its process, started again after a kill. */
    private final class Instance {
        final String name;
        final int port = freePort();
        /** Health and metrics are on a port of their own, as in production; two instances on one machine need two. */
        final int managementPort = freePort();
        final Map<String, String> extra;
        volatile Process process;

        Instance(String name, Map<String, String> extra) {
            this.name = name;
            this.extra = extra;
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toString());
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
            env.put("SPRING_DATASOURCE_URL", database);
            env.put("SPRING_DATASOURCE_USERNAME", FreshDatabase.user());
            env.put("SPRING_DATASOURCE_PASSWORD", FreshDatabase.password());
            env.put("LEDGER_SECURITY_JWT_SECRET", Tokens.SECRET);
            env.put("LEDGER_CLOSE_OF_DAY_CRON", "-");
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
            env.put("SPRING_RABBITMQ_VIRTUAL_HOST", broker.vhost());
            env.put("SPRING_RABBITMQ_USERNAME", broker.user());
            env.put("SPRING_RABBITMQ_PASSWORD", broker.password());
            env.putAll(extra);
            File log = LOGS.resolve(name + ".log").toFile();
            process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            started.add(process);
        }

        void awaitReady() {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as(name + " is running (see " + LOGS.resolve(name + ".log") + ")").isTrue();
                return get(managementPort, "/actuator/health/readiness").map(body -> body.path("status").asText().equals("UP")).orElse(false);
            });
        }

        java.util.Optional<JsonNode> get(int port, String path) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? java.util.Optional.of(JSON.readTree(response.body())) : java.util.Optional.empty();
            } catch (IOException e) {
                return java.util.Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.Optional.empty();
            }
        }

        /** Sends the command; the status, or -1 when the instance did not answer. */
        int send(String id, String path, String body) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").header("Idempotency-Key", id)
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        double lag() {
            return get(managementPort, "/actuator/metrics/ledger.publication.lag").map(body -> body.path("measurements").get(0).path("value").asDouble())
                    .orElse(Double.NaN);
        }
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBrokerThatRefusesAtStartASecondInstanceAndAKillDuringABurstLoseNothingAndKeepEachCustomersOrder() throws Exception {
        assertThat(JAR).as("the packaged service (mvn package builds it before the integration tests)").exists();
        Files.createDirectories(LOGS);
        String queue = "every-event";
        try (Connection connection = broker.connect("crash-it"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("ledger.events", "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, "ledger.events", "#");
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add("CR-" + run + "-" + i);
        }

        // The broker refuses the ledger: it starts anyway, is ready, takes commands, and its lag grows.
        broker.takeAwayTheLedgersPermissions();
        Instance a = new Instance("a", Map.of("LEDGER_MAX_CLAIMED_SEGMENTS", "1"));
        a.start();
        a.awaitReady();
        for (String customer : customers) {
            assertThat(a.send(UUID.randomUUID().toString(), "/customers", """
                    {"customerId": "%s", "name": "Crash customer", "occurredOn": "2026-01-05"}""".formatted(customer))).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.lag() >= CUSTOMERS);
        double lagWhileRefused = a.lag();
        broker.giveBack();

        // A second instance joins; a burst of commands through both; A is killed with SIGKILL halfway and started again.
        Instance b = new Instance("b", Map.of());
        b.start();
        b.awaitReady();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        int total = CUSTOMERS * COMMANDS_PER_CUSTOMER;
        int killAt = total / 3;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        Future<?> killer;
        ExecutorService operator = Executors.newSingleThreadExecutor();
        killer = operator.submit(() -> {
            await().atMost(Duration.ofSeconds(120)).until(() -> answered.get() >= killAt);
            a.process.destroyForcibly().waitFor();
            a.start();
            a.awaitReady();
            return null;
        });
        for (String customer : customers) {
            sent.add(clients.submit(() -> {
                for (int i = 0; i < COMMANDS_PER_CUSTOMER; i++) {
                    String id = UUID.randomUUID().toString();
                    String path = i == 0 ? "/customers/" + customer + "/invoices" : i % 2 == 0 ? "/customers/" + customer + "/payments"
                            : "/customers/" + customer + "/contact-attempts";
                    String body = i == 0 ? invoice() : i % 2 == 0 ? payment("P-" + i) : contact("CT-" + i);
                    Instance first = (i + customer.hashCode()) % 2 == 0 ? a : b;
                    int status = first.send(id, path, body);
                    while (status != 200) {
                        // the instance died under the request: the same command again, through the other (idempotent by its key)
                        retried.incrementAndGet();
                        status = (first == a ? b : a).send(id, path, body);
                        if (status != 200 && status != -1) {
                            throw new AssertionError(path + " answered " + status);
                        }
                    }
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        clients.shutdown();
        killer.get();
        operator.shutdown();

        // Every event published, once after de-duplication, in order per customer.
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, FreshDatabase.user(), FreshDatabase.password()));
        await().atMost(Duration.ofSeconds(60)).until(() -> a.lag() == 0 && b.lag() == 0);
        Map<String, String> journal = new HashMap<>();
        // the ledger's own policy (the legal cap on late fees, recorded at the first start) is no customer's: not published
        jdbc.sql("select event_identifier, aggregate_identifier from domain_event_entry where payload_type not like 'policy.%'").query(rs -> {
            journal.put(rs.getString(1), rs.getString(2));
        });
        List<Captured.Received> received;
        try (Connection connection = broker.connect("crash-it-check")) {
            received = Captured.drain(connection, queue).all();
        }
        List<Captured.Received> once = Captured.deduplicated(received);
        System.out.printf("crash: %d commands answered (%d sent again after the kill), lag %.0f while the broker refused, %d events, "
                        + "%d messages received, %d duplicates by message-id, %d customers out of order%n",
                answered.get() + CUSTOMERS, retried.get(), lagWhileRefused, journal.size(), received.size(), received.size() - once.size(),
                Captured.outOfOrder(received).size());
        assertThat(answered.get()).isEqualTo(total);
        assertThat(once).extracting(Captured.Received::messageId).containsExactlyInAnyOrderElementsOf(journal.keySet());
        assertThat(Captured.outOfOrder(received)).as("customers whose events came out of order").isEmpty();
    }

    private static String invoice() {
        return """
                {"invoiceId": "INV-1", "occurredOn": "%s", "amount": {"amount": "1000000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000000.00", "currency": "CNY"}, "dueDate": "2027-06-30"}]}"""
                .formatted(LocalDate.of(2026, 11, 1));
    }

    private static String payment(String id) {
        return """
                {"paymentId": "%s", "occurredOn": "2026-11-20", "amount": {"amount": "1.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""
                .formatted(id);
    }

    private static String contact(String id) {
        return """
                {"contactId": "%s", "occurredOn": "2026-11-02", "collector": "collector-li", "channel": "PHONE",
                 "partyReached": "Zhang Min, CFO", "outcome": "PROMISE_OBTAINED", "excuse": "APPROVAL_IN_PROGRESS"}""".formatted(id);
    }
}
