package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.JournalLine;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.testing.FreshDatabase;
import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A ledger database of the test's own, made by the ledger's own migrations, with events appended
 * and chained the way the service does it, and a tamperer's direct SQL.
 */
final class LedgerDatabase {

    final String url = FreshDatabase.another();
    private int appended;

    LedgerDatabase() {
        Flyway.configure().dataSource(url, FreshDatabase.user(), FreshDatabase.password())
                .locations("filesystem:../ledger-service/src/main/resources/db/migration/ledger").load().migrate();
    }

    /** Appends an event of the customer's account (sequence numbers follow on) and returns its global index. */
    long append(String customer, String type, String payloadFields) {
        appended++;
        String payload = "{\"customerId\":\"" + customer + "\"," + payloadFields + ",\"occurredOn\":\"2026-05-0" + (1 + appended % 9) + "\"}";
        String metaData = "{\"clientId\":\"billing\",\"commandId\":\"cmd-" + appended + "\",\"correlationId\":\"corr-" + appended
                + "\",\"principal\":\"billing\"}";
        return sql(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data)
                    values (?, ?, (select count(*) from domain_event_entry where aggregate_identifier = ?), 'CustomerAccount', ?, ?, '1', ?, ?)
                    returning global_index""");
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, customer);
            insert.setString(3, customer);
            insert.setString(4, Instant.parse("2026-05-01T02:00:00Z").plusSeconds(appended).toString());
            insert.setString(5, "io.collectionsledger.contracts." + type);
            insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(7, metaData.getBytes(StandardCharsets.UTF_8));
            ResultSet index = insert.executeQuery();
            index.next();
            return index.getLong(1);
        });
    }

    /** A few events of two customers. */
    LedgerDatabase withEvents(int count) {
        for (int i = 1; i <= count; i++) {
            append(i % 2 == 0 ? "CUST-B" : "CUST-A", "payment.PaymentRecorded", "\"paymentId\":\"P-" + i + "\",\"amount\":{\"amount\":\"" + i + "00.00\",\"currency\":\"CNY\"}");
        }
        return this;
    }

    /** Chains what is not chained yet, as the service's chainer does, and returns the digest of the head. */
    String chain() {
        return sql(connection -> {
            ResultSet head = connection.createStatement().executeQuery(
                    "select global_index, hash from event_chain order by global_index desc limit 1");
            long previous = 0;
            String hash = ChainHash.GENESIS;
            if (head.next()) {
                previous = head.getLong(1);
                hash = head.getString(2);
            }
            PreparedStatement link = connection.prepareStatement(
                    "insert into event_chain (global_index, previous_index, hash, chained_at) values (?, ?, ?, ?)");
            for (StoredEvent event : events("where global_index > " + previous)) {
                hash = ChainHash.next(hash, event);
                link.setLong(1, event.globalIndex());
                link.setLong(2, previous);
                link.setString(3, hash);
                link.setTimestamp(4, Timestamp.from(Instant.now()));
                link.executeUpdate();
                previous = event.globalIndex();
            }
            return previous + ":" + hash;
        });
    }

    List<StoredEvent> events(String where) {
        return sql(connection -> {
            ResultSet rows = connection.createStatement().executeQuery("""
                    select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    from domain_event_entry %s order by global_index""".formatted(where));
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getBytes(9), rows.getBytes(10)));
            }
            return events;
        });
    }

    /** The journal as the service exports it. */
    List<JournalLine> export() {
        return sql(connection -> {
            List<JournalLine> lines = new ArrayList<>();
            for (StoredEvent event : events("")) {
                PreparedStatement link = connection.prepareStatement("select previous_index, hash from event_chain where global_index = ?");
                link.setLong(1, event.globalIndex());
                ResultSet found = link.executeQuery();
                lines.add(found.next() ? JournalLine.of(event, found.getLong(1), found.getString(2)) : JournalLine.of(event, null, null));
            }
            return lines;
        });
    }

    /** What someone with direct access to the database does, foreign keys and all switched off for the session. */
    void tamper(String... statements) {
        sql(connection -> {
            Statement statement = connection.createStatement();
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            return null;
        });
    }

    interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    <T> T sql(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(url, FreshDatabase.user(), FreshDatabase.password())) {
            return work.in(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
