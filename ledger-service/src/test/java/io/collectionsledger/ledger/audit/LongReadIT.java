package io.collectionsledger.ledger.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import io.collectionsledger.verifier.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain's verification and the journal's export read the whole journal, which at millions of
 * events takes far longer than a request may wait for the database (LEDGER_DATABASE_TIMEOUT, 1 s
 * here). Whatever holds their first answer back, here a lock on the chain's table held 2 s, they wait
 * for it up to LEDGER_AUDIT_READ_TIMEOUT (5 s here) instead; a verification the database ends after
 * that is one WARN line and one more {@code ledger.audit.chain.verification.failures}, as the alarm
 * is blind until the next one succeeds. The scheduled verification is put off: the test runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongReadIT {

    private static final Duration LONGER_THAN_A_REQUEST_MAY_WAIT = Duration.ofSeconds(2);

    private String database;
    private RunningService ledger;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void start() {
        database = FreshDatabase.another();
        ledger = RunningService.start(database, new MovableClock(LedgerIT.START), "--ledger.database-timeout=PT1S",
                "--ledger.audit.read-timeout=PT5S", "--ledger.audit.verify-interval=PT1H", "--ledger.audit.verify-delay=PT1H");
        ledger.send("/customers", """
                {"customerId": "READ-AT-LENGTH", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value("select max(global_index) from domain_event_entry") == value("select coalesce(max(global_index), 0) from event_chain"));
        ((Logger) LoggerFactory.getLogger(ChainAudit.class)).addAppender(log);
        log.start();
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(ChainAudit.class)).detachAppender(log);
        ledger.close();
    }

    @Test
    void aVerificationWhoseFirstAnswerTakesLongerThanARequestMayWaitVerifiesTheChain() {
        ChainAudit audit = ledger.bean(ChainAudit.class);
        double before = failures();

        Verdict verdict = whileTheChainIsLocked(LONGER_THAN_A_REQUEST_MAY_WAIT, audit::verify);

        assertThat(verdict.intact()).as(verdict.finding()).isTrue();
        assertThat(failures()).isEqualTo(before);
    }

    @Test
    void anExportWhoseFirstAnswerTakesLongerThanARequestMayWaitIsWhole() {
        String export = whileTheChainIsLocked(LONGER_THAN_A_REQUEST_MAY_WAIT,
                () -> ledger.http().get().uri("/audit/journal.ndjson").retrieve().body(String.class));

        // every event of the journal: the legal cap on late fees recorded at the first start, then the customer's
        assertThat(export.lines()).hasSize((int) value("select count(*) from domain_event_entry"))
                .allMatch(line -> line.contains("READ-AT-LENGTH") || line.contains("\"aggregateId\":\"_late-fee-policy\""))
                .anyMatch(line -> line.contains("READ-AT-LENGTH"));
    }

    @Test
    void aVerificationTheDatabaseEndsIsOneWarningAndAFailureCounted() {
        ChainAudit audit = ledger.bean(ChainAudit.class);
        double before = failures();
        log.list.clear();

        // held until the verification gives up: longer than LEDGER_AUDIT_READ_TIMEOUT
        whileTheChainIsLocked(Duration.ofDays(1), () -> {
            audit.verifyTheWholeChain();
            return null;
        });

        assertThat(failures()).isEqualTo(before + 1);
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("the hash chain was not verified", "canceling statement due to statement timeout");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    /**
     * Runs {@code reading} while another session holds the chain's table locked, and lets the lock go
     * once a statement has waited {@code atLeast} for it, or when {@code reading} has ended.
     */
    private <T> T whileTheChainIsLocked(Duration atLeast, Supplier<T> reading) {
        try (Connection holder = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table event_chain in access exclusive mode");
            AtomicBoolean ended = new AtomicBoolean();
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> ended.get() || value("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like '%event_chain c%'
                          and now() - query_start >= interval '""" + atLeast.toMillis() + " milliseconds'") > 0);
                rollback(holder);
            });
            try {
                return reading.get();
            } finally {
                ended.set(true);
                release.join();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private double failures() {
        return ledger.bean(MeterRegistry.class).counter("ledger.audit.chain.verification.failures").count();
    }

    private long value(String query) {
        try (Connection connection = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            ResultSet result = connection.createStatement().executeQuery(query);
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
