package io.collectionsledger.contracts.audit;

import java.nio.charset.StandardCharsets;

/**
 * One line of the journal export ({@code GET /audit/journal.ndjson}), the verifier's second input:
 * an event as stored, with its link in the chain. Payload and metadata are the stored JSON as
 * text, not parsed, so the exact bytes that were hashed survive the trip.
 *
 * @param type          the payload type as stored, which the chain hashes
 * @param logicalType   the event's logical type name beside it ({@link StoredEvent#logicalType()}); not hashed, and
 *                      absent from exports made before it existed
 * @param previousIndex the global index of the event chained before it (0 for the first), or null if not chained yet
 * @param hash          its chain hash, or null if not chained yet
 */
public record JournalLine(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                          String timestamp, String type, String logicalType, String revision, String payload, String metaData,
                          Long previousIndex, String hash) {

    public static JournalLine of(StoredEvent event, Long previousIndex, String hash) {
        return new JournalLine(event.globalIndex(), event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                event.timestamp(), event.type(), event.logicalType(), event.revision(), new String(event.payload(), StandardCharsets.UTF_8),
                event.metaData() == null ? null : new String(event.metaData(), StandardCharsets.UTF_8), previousIndex, hash);
    }

    public StoredEvent event() {
        return new StoredEvent(globalIndex, eventId, aggregateType, aggregateId, sequence, timestamp, type, revision,
                StoredEvent.utf8(payload), StoredEvent.utf8(metaData));
    }
}
