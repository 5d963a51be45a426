package io.collectionsledger.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event exactly as the journal stores it: a row of the event table, with payload and
 * metadata as the stored bytes (UTF-8 JSON), so that hashing it needs no parsing and no serializer.
 * Records compare arrays by identity; compare {@link ChainHash#canonical} forms instead.
 *
 * @param globalIndex   its place in the one total order of the journal
 * @param eventId       the event's unique identifier
 * @param aggregateType the aggregate's type as stored (the {@code type} column), or null
 * @param aggregateId   the account it belongs to (the customer id)
 * @param sequence      its sequence number within the account
 * @param timestamp     when it was recorded, as the stored text
 * @param type          the event's payload type as stored: its logical type name, or for events stored before
 *                      those existed its class name (see {@link #logicalType(String)})
 * @param revision      the payload revision, or null
 * @param payload       the payload bytes
 * @param metaData      the metadata bytes, or null
 */
public record StoredEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                          String timestamp, String type, String revision, byte[] payload, byte[] metaData) {

    /** What every payload type stored before logical type names begins with: the package of the published language. */
    public static final String LEGACY_PREFIX = "io.collectionsledger.contracts.";

    /** The same event as if it were stored at another place of the journal. */
    public StoredEvent at(long otherGlobalIndex) {
        return new StoredEvent(otherGlobalIndex, eventId, aggregateType, aggregateId, sequence, timestamp, type, revision, payload, metaData);
    }

    /** Where it is, in the words the verifier reports it. */
    public String describe() {
        return "event at global index " + globalIndex + " (aggregate " + aggregateId + " seq " + sequence + ")";
    }

    /** The event's logical type name, e.g. {@code payment.PaymentRecorded}, whichever way it was stored. */
    public String logicalType() {
        return logicalType(type);
    }

    /**
     * The logical type name of a stored payload type. Events stored before logical type names
     * (issue 14) carry their class name, {@value #LEGACY_PREFIX}{@code payment.PaymentRecorded};
     * their logical name is that name without the prefix. The mapping is frozen: a record moved
     * later keeps its logical name, and these rows keep the name they were stored under.
     */
    public static String logicalType(String storedType) {
        return storedType.startsWith(LEGACY_PREFIX) ? storedType.substring(LEGACY_PREFIX.length()) : storedType;
    }

    /** The payload types an event of this logical type can be stored under: the name itself and, before issue 14, the class name. */
    public static List<String> storedTypes(String logicalType) {
        return List.of(logicalType, LEGACY_PREFIX + logicalType);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
