package io.collectionsledger.ledger.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service notices tampering with its journal or its chain by itself, within a minute:
 * each of seven tamperings raises the chain's alarm (an ERROR log line, the gauge
 * ledger.audit.chain.tampered, the health component audit DOWN while readiness stays UP, and
 * /audit/digest saying so), and the chain is not extended over it until an administrator resumes it.
 * One service on a database of its own; after each tampering the database is put back as it was
 * and the chain resumed. The scheduled verification runs every two seconds here (every 30 s by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAlarmIT {

    private static final Duration WITHIN = Duration.ofMinutes(1);

    private String database;
    private RunningService ledger;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** A global index an append consumed and never filled, as a rolled-back append leaves one. */
    private long gap;

    @BeforeAll
    void start() {
        database = FreshDatabase.another();
        ledger = RunningService.start(database, new MovableClock(LedgerIT.START),
                "--ledger.audit.verify-interval=PT2S", "--ledger.audit.verify-delay=PT1S");
        ledger.send("/customers", """
                {"customerId": "AUDITED", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""");
        for (int i = 1; i <= 8; i++) {
            if (i == 4) {
                gap = value("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))");
            }
            contactAttempt("CT-" + i);
        }
        awaitChained();
        ((Logger) LoggerFactory.getLogger(ChainAlarm.class)).addAppender(log);
        log.start();
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(ChainAlarm.class)).detachAppender(log);
        ledger.close();
    }

    @BeforeEach
    void keepACopy() {
        awaitChained();
        // read the head as an auditor does: from now on the chain may not go below it
        ledger.http().get().uri("/audit/digest").retrieve().body(JsonNode.class);
        tamper("drop table if exists kept_events, kept_links",
                "create table kept_events as table domain_event_entry", "create table kept_links as table event_chain");
        log.list.clear();
    }

    /** The database as it was, the chain resumed, the alarm down. */
    @AfterEach
    void putBack() {
        tamper("delete from event_chain", "delete from domain_event_entry",
                "insert into domain_event_entry overriding system value select * from kept_events",
                "insert into event_chain select * from kept_links");
        if (health("/actuator/health/audit") != 200) {
            ledger.http().post().uri("/admin/audit/chain/resume").retrieve().toBodilessEntity();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> health("/actuator/health/audit") == 200);
    }

    @Test
    void aPayloadUpdated() {
        long third = indexOf(3);
        found("payload updated", "altered: event at global index " + third + " (aggregate AUDITED seq 3) no longer hashes to its link",
                "update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Li Na', 'nobody'), 'UTF8') "
                        + "where global_index = " + third);
    }

    @Test
    void anEventDeleted() {
        long fourth = indexOf(4);
        found("event deleted", "deleted: expected an event at global index " + fourth,
                "delete from domain_event_entry where global_index = " + fourth);
    }

    @Test
    void anEventInserted() {
        found("event inserted", "inserted: event at global index " + gap + " (aggregate AUDITED seq 99) is not in the chain", """
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                values (%d, 'forged', 'AUDITED', 99, 'CustomerAccount', '2026-11-24T02:00:00.000Z', 'audit.Forged', '1',
                    convert_to('{"customerId":"AUDITED"}', 'UTF8'), convert_to('{}', 'UTF8'))""".formatted(gap));
    }

    @Test
    void twoEventsSwapped() {
        long second = indexOf(2);
        long fifth = indexOf(5);
        found("two events swapped", "reordered: ",
                "update domain_event_entry set global_index = -1 where global_index = " + second,
                "update domain_event_entry set global_index = " + second + " where global_index = " + fifth,
                "update domain_event_entry set global_index = " + fifth + " where global_index = -1");
    }

    @Test
    void linksDeletedFromTheChain() {
        long sixth = indexOf(6);
        long head = chainHead();
        found("links deleted", "links missing: the chain ends at global index " + indexOf(5) + ", below the head already published at "
                + head, "delete from event_chain where global_index >= " + sixth);

        assertThat(value("select coalesce(max(global_index), 0) from event_chain"))
                .as("the chainer did not link them again").isEqualTo(indexOf(5));
    }

    @Test
    void aRowRewrittenWithTheLaterLinksRehashed() {
        long third = indexOf(3);
        List<String> rewrite = new ArrayList<>(List.of(
                "update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Li Na', 'nobody'), 'UTF8') "
                        + "where global_index = " + third));
        found("row rewritten, later links rehashed", "links changed: the link at global index " + chainHead(), () -> {
            tamper(rewrite.toArray(String[]::new));
            rehashFrom(third);
        });
    }

    @Test
    void anEventAlteredBeforeItWasSealed() throws SQLException {
        try (Connection tamperer = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            // the chainer waits, as it would for a busy journal, while the tamperer works
            lock(tamperer, "select pg_advisory_lock(" + Chainer.LOCK + ")");
            contactAttempt("CT-9");
            long latest = value("select max(global_index) from domain_event_entry");
            long sequence = value("select sequence_number from domain_event_entry where global_index = " + latest);
            assertThat(value("select count(*) from event_chain where global_index = " + latest)).isZero();
            found("altered before it was sealed", "altered before it was sealed: event at global index " + latest
                    + " (aggregate AUDITED seq " + sequence + ") is not what this instance appended", () -> {
                tamper("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Li Na', 'nobody'), 'UTF8') "
                        + "where global_index = " + latest);
                lock(tamperer, "select pg_advisory_unlock(" + Chainer.LOCK + ")");
            });
            assertThat(value("select count(*) from event_chain where global_index = " + latest)).as("left unchained").isZero();
        }
    }

    @Test
    void resumingIsAnAdministratorsCommandLoggedWithWhoRanItAndNothingToResumeIsAProblem() {
        ResponseEntity<JsonNode> nothing = ledger.http().post().uri("/admin/audit/chain/resume").exchange((request, response) ->
                ResponseEntity.status(response.getStatusCode()).body(response.bodyTo(JsonNode.class)));
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(409));
        assertThat(nothing.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:nothing-to-resume");

        long sixth = indexOf(6);
        found("links deleted (to resume)", "links missing", "delete from event_chain where global_index >= " + sixth);
        tamper("insert into event_chain select * from kept_links where global_index >= " + sixth);
        JsonNode resumed = ledger.http().post().uri("/admin/audit/chain/resume").retrieve().body(JsonNode.class);

        assertThat(resumed.get("finding").asText()).startsWith("links missing");
        assertThat(resumed.get("resumedBy").asText()).isEqualTo("it (client it)");
        assertThat(log.list).anySatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).startsWith("hash chain resumed by it (client it), after: links missing");
        });
        assertThat(health("/actuator/health/audit")).isEqualTo(200);
        contactAttempt("CT-10");
        awaitChained();
        keepACopy();
    }

    /** Tampers, then measures how long the running service takes to raise the alarm, and checks every way it says so. */
    private void found(String tampering, String finding, String... statements) {
        found(tampering, finding, () -> tamper(statements));
    }

    private void found(String tampering, String finding, Runnable tamper) {
        long head = chainHead();
        tamper.run();
        long tampered = System.nanoTime();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> health("/actuator/health/audit") == 503);
        Duration took = Duration.ofNanos(System.nanoTime() - tampered);
        System.out.printf(Locale.ROOT, "tampering found by the running service: %s, %.2f s after it (verification every 2 s)%n", tampering,
                took.toMillis() / 1000.0);

        assertThat(log.list).as("an ERROR line with the finding").anySatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains(finding);
        });
        assertThat(ledger.management().get().uri("/actuator/prometheus").retrieve().body(String.class))
                .containsPattern("(?m)^ledger_audit_chain_tampered\\{[^}]*} 1\\.0$");
        JsonNode digest = ledger.http().get().uri("/audit/digest").retrieve().body(JsonNode.class);
        assertThat(digest.at("/alarm/finding").asText()).contains(finding);
        assertThat(health("/actuator/health/readiness")).as("the ledger goes on serving").isEqualTo(200);
        assertThat(chainHead()).as("the chain is not extended while the alarm is raised").isLessThanOrEqualTo(head);
    }

    private void rehashFrom(long from) {
        sql(connection -> {
            ResultSet before = connection.createStatement().executeQuery(
                    "select global_index, hash from event_chain where global_index < " + from + " order by global_index desc limit 1");
            before.next();
            long previous = before.getLong(1);
            String hash = before.getString(2);
            ResultSet rows = connection.createStatement().executeQuery("""
                    select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type,
                           payload_revision, payload, meta_data
                    from domain_event_entry where global_index >= %d and global_index <= (select max(global_index) from event_chain)
                    order by global_index""".formatted(from));
            PreparedStatement link = connection.prepareStatement("update event_chain set previous_index = ?, hash = ? where global_index = ?");
            while (rows.next()) {
                StoredEvent event = new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getBytes(9), rows.getBytes(10));
                hash = ChainHash.next(hash, event);
                link.setLong(1, previous);
                link.setString(2, hash);
                link.setLong(3, event.globalIndex());
                link.executeUpdate();
                previous = event.globalIndex();
            }
            return null;
        });
    }

    private void contactAttempt(String id) {
        ledger.send("/customers/AUDITED/contact-attempts", """
                {"contactId": "%s", "occurredOn": "2026-11-09", "collector": "collector-li", "channel": "PHONE",
                 "partyReached": "Li Na, finance", "outcome": "REACHED_NO_COMMITMENT"}""".formatted(id));
    }

    private void awaitChained() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value("select max(global_index) from domain_event_entry") == chainHead());
    }

    private long chainHead() {
        return value("select coalesce(max(global_index), 0) from event_chain");
    }

    private long indexOf(long sequence) {
        return sql(connection -> one(connection,
                "select global_index from domain_event_entry where aggregate_identifier = 'AUDITED' and sequence_number = " + sequence));
    }

    private int health(String path) {
        return ledger.management().get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }

    /** What someone with direct access to the database does, in one transaction, foreign keys and triggers off for the session. */
    private void tamper(String... statements) {
        sql(connection -> {
            connection.setAutoCommit(false);
            Statement statement = connection.createStatement();
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
            return null;
        });
    }

    private static void lock(Connection connection, String sql) {
        try {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long value(String query) {
        return sql(connection -> one(connection, query));
    }

    private static long one(Connection connection, String sql) throws SQLException {
        ResultSet result = connection.createStatement().executeQuery(sql);
        result.next();
        return result.getLong(1);
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            return work.in(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
