package io.collectionsledger.ledger.account;

/** The client acted on a version of the account that is no longer the current one. */
public class StaleVersion extends RuntimeException {

    /** Metadata key of the version a client expects the account to be at (from If-Match). */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final long expected;
    private final long current;

    public StaleVersion(long expected, long current) {
        super("the account is at version " + current + ", not " + expected);
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
