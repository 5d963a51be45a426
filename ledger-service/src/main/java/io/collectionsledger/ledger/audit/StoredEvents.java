package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.StoredEvent;
import org.springframework.jdbc.core.RowMapper;

/** Events read as stored, for hashing: the raw columns of domain_event_entry, payload and metadata as bytes. */
final class StoredEvents {

    static final String COLUMNS = """
            e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    static final RowMapper<StoredEvent> ROW = (rs, row) -> new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
            rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("time_stamp"),
            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));

    private StoredEvents() {
    }
}
