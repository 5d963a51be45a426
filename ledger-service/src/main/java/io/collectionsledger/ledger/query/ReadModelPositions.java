package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.config.LedgerProperties;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Read your writes: a query that names the position a command returned waits until every
 * segment of the read model's processor has processed it. It reads the tokens from token_entry,
 * so it holds whichever instance of the service owns the segments.
 */
@Component
class ReadModelPositions {

    private static final long POLL_NANOS = 10_000_000;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final LedgerProperties properties;

    ReadModelPositions(JdbcClient jdbc, Serializer serializer, Clock clock, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.properties = properties;
    }

    void awaitProcessed(String processingGroup, Long position) {
        if (position == null || position <= 0) {
            return;
        }
        Instant deadline = clock.instant().plus(properties.readModelWait());
        while (!processed(processingGroup, position)) {
            if (clock.instant().isAfter(deadline)) {
                throw new ReadModelBehind(processingGroup, position);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean processed(String processingGroup, long position) {
        TrackingToken wanted = GapAwareTrackingToken.newInstance(position, Set.of());
        List<TrackingToken> tokens = jdbc.sql("select token, token_type from token_entry where processor_name = ?")
                .param(processingGroup)
                .query((rs, row) -> rs.getBytes("token") == null ? null : serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)))
                .list();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && token.covers(wanted));
    }
}
