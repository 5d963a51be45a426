package io.collectionsledger.contracts.audit;

import java.nio.charset.StandardCharsets;

/**
 * One event exactly as the journal stores it: a row of {@code domain_event_entry}, with payload and
 * metadata as the stored bytes (UTF-8 JSON), so that hashing it needs no parsing and no serializer.
 * Records compare arrays by identity; compare {@link ChainHash#canonical} forms instead.
 *
 * @param globalIndex   its place in the one total order of the journal
 * @param eventId       the event's unique identifier
 * @param aggregateType the aggregate's type as stored (the {@code type} column), or null
 * @param aggregateId   the account it belongs to (the customer id)
 * @param sequence      its sequence number within the account
 * @param timestamp     when it was recorded, as the stored text
 * @param type          the event's payload type (the class name) as stored
 * @param revision      the payload revision, or null
 * @param payload       the payload bytes
 * @param metaData      the metadata bytes, or null
 */
public record StoredEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                          String timestamp, String type, String revision, byte[] payload, byte[] metaData) {

    /** The same event as if it were stored at another place of the journal. */
    public StoredEvent at(long otherGlobalIndex) {
        return new StoredEvent(otherGlobalIndex, eventId, aggregateType, aggregateId, sequence, timestamp, type, revision, payload, metaData);
    }

    /** Where it is, in the words the verifier reports it. */
    public String describe() {
        return "event at global index " + globalIndex + " (aggregate " + aggregateId + " seq " + sequence + ")";
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
