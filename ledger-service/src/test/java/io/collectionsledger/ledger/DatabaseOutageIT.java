package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database taken away from a running service under load, without stopping the machine's
 * PostgreSQL: the service reaches its database through a TCP proxy of the test's own, which the
 * test cuts. Every request fails within LEDGER_DATABASE_TIMEOUT with 503 database-unavailable and
 * Retry-After, never 500; readiness goes down during the cut and up after it; and sending every
 * failed command again with the same id records each command exactly once, the ones the database
 * had committed before their answer was lost included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    private static final int COMMANDS = 1200;
    private static final int CLIENTS = 8;
    private static final int CUSTOMERS = 24;
    private static final Duration CUT = Duration.ofSeconds(7);
    /** LEDGER_DATABASE_TIMEOUT's default, and a little for the answer to travel. */
    private static final Duration ANSWERED_WITHIN = Duration.ofMillis(5_000 + 1_000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = Tokens.mint("billing", "service");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TcpProxy proxy;
    private RunningService ledger;
    private JdbcClient direct;

    @BeforeAll
    void start() throws IOException {
        String database = FreshDatabase.another();
        URI target = URI.create(database.substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort());
        ledger = RunningService.start(proxy.url(database), new MovableClock(LedgerIT.START));
        direct = JdbcClient.create(new DriverManagerDataSource(database, FreshDatabase.user(), FreshDatabase.password()));
        for (int c = 0; c < CUSTOMERS; c++) {
            ledger.send("/customers", """
                    {"customerId": "OUT-%d", "name": "Customer %1$d", "occurredOn": "2026-01-05"}""".formatted(c));
        }
    }

    @AfterAll
    void stop() {
        ledger.close();
        proxy.close();
    }

    /** A command of the load: one contact attempt, which records exactly one event. */
    private record Command(String id, String path, String body) {
        static Command number(int i) {
            return new Command("outage-" + i, "/customers/OUT-" + (i % CUSTOMERS) + "/contact-attempts", """
                    {"contactId": "CT-%d", "occurredOn": "2026-11-20", "collector": "collector-li", "channel": "PHONE",
                     "partyReached": "finance", "outcome": "REACHED_NO_COMMITMENT"}""".formatted(i));
        }
    }

    private record Answer(int status, String problemType, String retryAfter, boolean replayed, long position, Duration took) {
    }

    @Test
    void aCutDuringALoadLosesNothingDoublesNothingAndIsAnsweredAsAnOutage() throws Exception {
        ReadinessWatch readiness = new ReadinessWatch();
        readiness.start();
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            commands.add(Command.number(i));
        }
        ConcurrentLinkedQueue<Command> queue = new ConcurrentLinkedQueue<>(commands);
        Map<String, Answer> first = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Instant> cutAt = new AtomicReference<>();
        AtomicReference<Instant> restoredAt = new AtomicReference<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(clients.submit(() -> {
                for (Command command; (command = queue.poll()) != null; ) {
                    first.put(command.id(), send(command));
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        // the cut, a third of the way through the load, for longer than a request may wait
        work.add(clients.submit(() -> {
            await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() >= COMMANDS / 3);
            cutAt.set(Instant.now());
            proxy.cut();
            await().pollDelay(CUT).atMost(CUT.plusSeconds(1)).until(() -> true);
            proxy.restore();
            restoredAt.set(Instant.now());
            return null;
        }));
        for (Future<?> done : work) {
            done.get(3, TimeUnit.MINUTES);
        }
        clients.shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.upSince(restoredAt.get()) != null);
        readiness.stop();

        List<Command> failed = commands.stream().filter(command -> first.get(command.id()).status() != 200).toList();
        Map<Integer, Long> byStatus = new TreeMap<>(first.values().stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
        assertThat(byStatus.keySet()).as("first answers by status").containsOnly(200, 503);
        assertThat(failed).as("the cut made some commands fail").isNotEmpty();
        for (Command command : failed) {
            Answer answer = first.get(command.id());
            assertThat(answer.problemType()).as(command.id()).isEqualTo("urn:collections-ledger:problem:database-unavailable");
            assertThat(answer.retryAfter()).as(command.id()).isNotBlank();
            assertThat(answer.took()).as(command.id() + " answered within LEDGER_DATABASE_TIMEOUT").isLessThan(ANSWERED_WITHIN);
        }

        int replayed = 0;
        for (Command command : failed) {
            AtomicReference<Answer> retry = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                retry.set(send(command));
                return retry.get().status() == 200;
            });
            if (retry.get().replayed()) {
                replayed++;
                assertThat(retry.get().position()).as("the first answer of " + command.id()).isEqualTo(positionOf(command.id()));
            }
        }

        Map<String, Long> eventsPerCommand = new TreeMap<>();
        direct.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' as command, count(*) from domain_event_entry
                        where convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' like 'outage-%' group by 1""")
                .query(rs -> {
                    eventsPerCommand.put(rs.getString(1), rs.getLong(2));
                });
        long lost = commands.stream().filter(command -> !eventsPerCommand.containsKey(command.id())).count();
        long doubled = eventsPerCommand.values().stream().filter(count -> count > 1).count();
        double downAfter = seconds(cutAt.get(), readiness.downSince(cutAt.get()));
        double upAfter = seconds(restoredAt.get(), readiness.upSince(restoredAt.get()));
        Duration slowestFailure = failed.stream().map(command -> first.get(command.id()).took()).max(Duration::compareTo).orElseThrow();
        System.out.printf(java.util.Locale.ROOT, "database outage: %d commands from %d clients, the database cut for %d s; first answers by status %s; "
                        + "%d retried with the same id, %d of them answered as already recorded (Idempotent-Replayed); lost %d, doubled %d; "
                        + "readiness DOWN %.2f s after the cut, UP %.2f s after the database returned; slowest failed request %.2f s%n",
                COMMANDS, CLIENTS, CUT.toSeconds(), byStatus, failed.size(), replayed, lost, doubled, downAfter, upAfter,
                slowestFailure.toMillis() / 1000.0);

        assertThat(lost).as("lost").isZero();
        assertThat(doubled).as("doubled").isZero();
        assertThat(eventsPerCommand).hasSize(COMMANDS);
        assertThat(direct.sql("select count(*) from command_log where command_id like 'outage-%'").query(Long.class).single())
                .isEqualTo(COMMANDS);
        assertThat(readiness.downSince(cutAt.get())).as("readiness DOWN during the cut").isBefore(restoredAt.get());
        assertThat(health("/actuator/health/audit")).as("an outage is not tampering").isEqualTo(200);
    }

    @Test
    void aCommandWhoseCommitWasCutOffIsAnswered503AndItsRetryGivesTheFirstAnswer() throws Exception {
        Command command = new Command("ambiguous-" + UUID.randomUUID(), "/customers/OUT-0/early-warnings", """
                {"warningId": "W-AMBIGUOUS", "occurredOn": "2026-11-20", "signal": "REPEATED_EXTENSION_REQUESTS"}""");
        int droppedBefore = proxy.droppedCommitAnswers();
        proxy.dropAnswerToCommitAfter(command.id());

        Answer cutOff = send(command);

        assertThat(proxy.droppedCommitAnswers()).as("the commit's answer was dropped").isEqualTo(droppedBefore + 1);
        assertThat(cutOff.status()).isEqualTo(503);
        assertThat(cutOff.problemType()).isEqualTo("urn:collections-ledger:problem:database-unavailable");
        assertThat(cutOff.retryAfter()).isNotBlank();
        assertThat(positionOf(command.id())).as("committed nonetheless").isPositive();

        Answer retry = send(command);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.position()).isEqualTo(positionOf(command.id()));
        assertThat(direct.sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' = ?")
                .param(command.id()).query(Long.class).single()).isEqualTo(1);
    }

    private long positionOf(String commandId) {
        return direct.sql("select coalesce(max(global_index), 0) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' = ?")
                .param(commandId).query(Long.class).single();
    }

    private Answer send(Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ledger.url() + command.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .header(Headers.IDEMPOTENCY_KEY, command.id())
                .POST(HttpRequest.BodyPublishers.ofString(command.body()))
                .build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.between(sent, Instant.now());
            JsonNode body = JSON.readTree(response.body());
            return new Answer(response.statusCode(), body.path("type").asText(null), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue(Headers.IDEMPOTENT_REPLAYED).map(Boolean::parseBoolean).orElse(false),
                    body.path("position").asLong(), took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int health(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(ledger.managementUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Asks the readiness probe every 100 ms, as an orchestrator would, and remembers when its answer changed. */
    private final class ReadinessWatch {
        private final List<Map.Entry<Instant, Boolean>> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        private Boolean last;

        void start() {
            probe.scheduleWithFixedDelay(() -> {
                boolean up = health("/actuator/health/readiness") == 200;
                if (last == null || up != last) {
                    changes.add(Map.entry(Instant.now(), up));
                    last = up;
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            probe.shutdown();
            probe.awaitTermination(10, TimeUnit.SECONDS);
        }

        Instant downSince(Instant after) {
            return changes.stream().filter(change -> !change.getValue() && !change.getKey().isBefore(after)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }

        Instant upSince(Instant after) {
            return after == null ? null : changes.stream().filter(change -> change.getValue() && !change.getKey().isBefore(after))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
    }
}
