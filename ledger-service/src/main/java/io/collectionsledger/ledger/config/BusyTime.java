package io.collectionsledger.ledger.config;

import java.time.Duration;

/**
 * The time a handler spent handling over a sliding window of whole seconds, as a share of the
 * window: what Axon's capacity monitor reports, summed per second instead of kept per message.
 */
final class BusyTime {

    private static final long SECOND = 1_000_000_000L;

    private final long[] seconds;
    private final long[] spent;

    BusyTime(Duration window) {
        int slots = Math.toIntExact(window.toSeconds());
        this.seconds = new long[slots];
        this.spent = new long[slots];
    }

    /** Counts {@code nanos} spent handling a message that ended at {@code now} (monotonic nanoseconds). */
    synchronized void add(long now, long nanos) {
        long second = Math.floorDiv(now, SECOND);
        int slot = Math.floorMod(second, seconds.length);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            spent[slot] = 0;
        }
        spent[slot] += nanos;
    }

    /** The share of the window before {@code now} spent handling, 1 for a handler busy all the time. */
    synchronized double share(long now) {
        long second = Math.floorDiv(now, SECOND);
        long total = 0;
        for (int slot = 0; slot < seconds.length; slot++) {
            if (second - seconds[slot] < seconds.length) {
                total += spent[slot];
            }
        }
        return (double) total / (seconds.length * SECOND);
    }
}
