package io.collectionsledger.contracts.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the journal, shared by the service that extends it and the verifier that
 * checks it, so both hash the same bytes.
 *
 * <p>Canonical form of one event (version 1): these fields in this order, each written as a
 * 4-byte big-endian length followed by that many bytes; a null field is written as length -1
 * (0xFFFFFFFF) and no bytes, so null and empty differ. Text is UTF-8, numbers are decimal text.
 * <ol>
 *     <li>the tag {@value #FORMAT}</li>
 *     <li>global index</li>
 *     <li>event id</li>
 *     <li>aggregate type</li>
 *     <li>aggregate id</li>
 *     <li>sequence number</li>
 *     <li>timestamp, as stored</li>
 *     <li>payload type</li>
 *     <li>payload revision</li>
 *     <li>payload bytes, as stored</li>
 *     <li>metadata bytes, as stored</li>
 * </ol>
 * The hash of an event is {@code SHA-256(previous || canonical)}, where {@code previous} is the
 * 32 bytes of the previous event's hash ({@link #GENESIS} before the first), written as 64
 * lowercase hex digits. The global index is part of the form, so an event moved to another place
 * no longer hashes to the link it had.
 */
public final class ChainHash {

    public static final String FORMAT = "collections-ledger/event-chain/v1";
    /** The hash before the first event: 64 zeros, at position 0. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    public static byte[] canonical(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(event.payload()) + length(event.metaData()));
        field(out, FORMAT.getBytes(StandardCharsets.US_ASCII));
        field(out, StoredEvent.utf8(Long.toString(event.globalIndex())));
        field(out, StoredEvent.utf8(event.eventId()));
        field(out, StoredEvent.utf8(event.aggregateType()));
        field(out, StoredEvent.utf8(event.aggregateId()));
        field(out, StoredEvent.utf8(Long.toString(event.sequence())));
        field(out, StoredEvent.utf8(event.timestamp()));
        field(out, StoredEvent.utf8(event.type()));
        field(out, StoredEvent.utf8(event.revision()));
        field(out, event.payload());
        field(out, event.metaData());
        return out.toByteArray();
    }

    /** The hash of {@code event} chained after the event whose hash is {@code previousHash}. */
    public static String next(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        sha256.update(canonical(event));
        return HEX.formatHex(sha256.digest());
    }

    /** Whether the text is a hash as the chain writes it: 64 lowercase hex digits. */
    public static boolean isHash(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
