package io.collectionsledger.contracts.shared;

/** The HTTP headers of the ledger's conventions. */
public final class Headers {

    /** The client's id for this command; a retry with the same id is answered, not repeated. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Ties together everything one business operation caused; generated when absent. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** Global position of the account's last event after a command; on a report's answer, the position it reflects. */
    public static final String POSITION = "Ledger-Position";
    /** A query waits until the read model has processed this position. */
    public static final String MIN_POSITION = "Ledger-Min-Position";
    /** Set on an answer that repeats the first answer to the same command id. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private Headers() {
    }
}
