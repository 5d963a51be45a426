package io.collectionsledger.ledger.audit;

/**
 * Keeps the whole-chain verification to a share of the time. A verification reads the whole
 * journal, which only grows: at a fixed interval it would in the end run all the time, beside every
 * request. After one that took t, the next waits t × (1 / share − 1), so verifying takes at most
 * that share of the time at any size of the journal, and a tampering is found later as it grows
 * instead. Times are {@link System#nanoTime()} readings.
 */
final class VerificationPace {

    private final double share;
    private boolean rested = true;
    private long restUntil;

    VerificationPace(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("ledger.audit.verify-share is a share of the time, above 0 and at most 1: " + share);
        }
        this.share = share;
    }

    /** Whether a verification may start now. */
    boolean due(long now) {
        return rested || now - restUntil >= 0;
    }

    /** A verification ran from {@code started} to {@code ended}, whatever its outcome. */
    void ran(long started, long ended) {
        rested = false;
        restUntil = ended + (long) ((ended - started) * (1 / share - 1));
    }
}
