package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.config.LedgerProperties;
import io.collectionsledger.ledger.journal.Journal;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read your writes: a query that names the position a command returned waits until the read
 * model has processed it. Events are sequenced per account, so for a query about one account only
 * the segment that owns its events has to be past the position; a query over every account
 * (customerId null) waits for all segments. Tokens are read from
 * the token store's table, so this holds whichever instance of the service owns the segment.
 */
@Component
public class ReadModelPositions {

    private static final long POLL_NANOS = 10_000_000;
    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait=(\\d{1,6})");

    private final Journal journal;
    private final Serializer serializer;
    private final LedgerProperties properties;

    ReadModelPositions(Journal journal, Serializer serializer, LedgerProperties properties) {
        this.journal = journal;
        this.serializer = serializer;
        this.properties = properties;
    }

    /**
     * @param prefer the request's {@code Prefer} header (RFC 7240): {@code wait=N} shortens the wait to N seconds
     */
    public void awaitProcessed(String processingGroup, String customerId, Long position, String prefer) {
        if (position == null || position <= 0) {
            return;
        }
        // A timeout is elapsed time, not business time: the ledger's clock may be moved or frozen.
        long deadline = System.nanoTime() + waitFor(prefer).toNanos();
        while (!processed(processingGroup, customerId, position)) {
            if (System.nanoTime() - deadline > 0) {
                throw new ReadModelBehind(processingGroup, position);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private Duration waitFor(String prefer) {
        Duration configured = properties.readModelWait();
        Matcher wait = prefer == null ? null : PREFER_WAIT.matcher(prefer);
        if (wait == null || !wait.find()) {
            return configured;
        }
        Duration preferred = Duration.ofSeconds(Long.parseLong(wait.group(1)));
        return preferred.compareTo(configured) < 0 ? preferred : configured;
    }

    /** Where each segment of the read model stands, whichever instance holds it; 0 before the first event. */
    public Map<Integer, Long> segmentPositions(String processingGroup) {
        Map<Integer, Long> positions = new java.util.TreeMap<>();
        tokens(processingGroup).forEach((segment, token) -> positions.put(segment, token == null ? 0L : token.position().orElse(0L)));
        return positions;
    }

    /**
     * The position an answer of the read model reflects, read in the answer's transaction: every event up
     * to it is in the answer (for one customer, exactly those: its events are in one segment). The lowest
     * of the segments the answer reads, and below a segment's oldest gap, an event not yet committed
     * when the segment passed it; 0 before the first event.
     */
    public long reflected(String processingGroup, String customerId) {
        Map<Integer, TrackingToken> tokens = tokens(processingGroup);
        int[] segmentIds = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
        return tokens.entrySet().stream()
                .filter(segment -> customerId == null || Segment.computeSegment(segment.getKey(), segmentIds).matches(customerId))
                .mapToLong(segment -> reflected(segment.getValue())).min().orElse(0);
    }

    private static long reflected(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return lowerBound.position().orElse(0);
    }

    private boolean processed(String processingGroup, String customerId, long position) {
        Map<Integer, TrackingToken> tokens = tokens(processingGroup);
        int[] segmentIds = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
        return tokens.entrySet().stream()
                .filter(segment -> customerId == null || Segment.computeSegment(segment.getKey(), segmentIds).matches(customerId))
                .allMatch(segment -> segment.getValue() != null && past(segment.getValue(), position))
                && !tokens.isEmpty();
    }

    private Map<Integer, TrackingToken> tokens(String processingGroup) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        for (Journal.StoredToken stored : journal.tokens(processingGroup)) {
            tokens.put(stored.segment(), stored.token() == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(stored.token(), byte[].class, stored.tokenType(), null)));
        }
        return tokens;
    }

    /**
     * The event at this position is behind the token. Gaps below it do not matter: they are
     * transactions that rolled back or are still running, never part of what the caller wrote.
     */
    private static boolean past(TrackingToken token, long position) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lowerBound.position().orElse(-1) >= position;
    }
}
