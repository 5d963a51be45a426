package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The event store itself: {@code domain_event_entry} and {@code event_chain} read side by side in
 * global index order, from one snapshot (a read-only repeatable-read transaction), so a service
 * that goes on appending and chaining meanwhile changes nothing the verifier sees. Payload and
 * metadata are the stored bytes. Both are read with cursors, so the journal need not fit in memory.
 */
final class JdbcJournal implements Iterator<JournalRow>, AutoCloseable {

    private static final int FETCH = 1000;

    private final Connection connection;
    private final ResultSet events;
    private final ResultSet links;
    private boolean eventAhead;
    private boolean linkAhead;

    JdbcJournal(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        events = cursor("""
                select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                from domain_event_entry order by global_index""");
        links = cursor("select global_index, previous_index, hash from event_chain order by global_index");
        eventAhead = events.next();
        linkAhead = links.next();
    }

    private ResultSet cursor(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        return statement.executeQuery();
    }

    @Override
    public boolean hasNext() {
        return eventAhead || linkAhead;
    }

    @Override
    public JournalRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            long eventIndex = eventAhead ? events.getLong(1) : Long.MAX_VALUE;
            long linkIndex = linkAhead ? links.getLong(1) : Long.MAX_VALUE;
            long at = Math.min(eventIndex, linkIndex);
            StoredEvent event = null;
            Long previous = null;
            String hash = null;
            if (eventIndex == at) {
                event = new StoredEvent(events.getLong(1), events.getString(2), events.getString(3), events.getString(4),
                        events.getLong(5), events.getString(6), events.getString(7), events.getString(8),
                        events.getBytes(9), events.getBytes(10));
                eventAhead = events.next();
            }
            if (linkIndex == at) {
                previous = links.getLong(2);
                hash = links.getString(3);
                linkAhead = links.next();
            }
            return new JournalRow(at, event, previous, hash);
        } catch (SQLException e) {
            throw new UnreadableJournal("reading the event store failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
