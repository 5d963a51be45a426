package io.collectionsledger.ledger.journal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.StoredEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What protects an event between its commit and its link in the chain: the instance that appended
 * it remembers its fingerprint (the hash of its canonical form, as the chain would hash it, less
 * its global index, which the database assigns), and the event is checked against it when it is
 * chained. Someone who alters a row in that window changes what is sealed, and is found: the chainer
 * of this instance refuses to seal it, and an event another instance sealed is checked once it is.
 * The memory is the process's, out of reach of anyone who can only write to the database.
 *
 * <p>The fingerprints come for free: Axon keeps the bytes it serialized for the insert, and this is
 * the insert's statement. A fingerprint is forgotten when its transaction rolls back, when its
 * event has been checked, or after an hour, or when 100,000 are waiting (the chain stopped by an
 * alarm, or the database away).
 */
@Component
public class AppendedEvents {

    /** About 250 bytes each: at most 25 MB, a minute of the benchmark's peak while the chain is stopped. */
    private final Cache<String, String> unsealed = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    /** Axon's own insert of the events, and the fingerprints of what it inserts. */
    public AppendEventsStatementBuilder statement() {
        return (connection, schema, dataType, events, serializer, timestamps) -> {
            PreparedStatement insert = JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer, timestamps);
            remember(events, serializer, dataType);
            return insert;
        };
    }

    private void remember(List<? extends EventMessage<?>> events, Serializer serializer, Class<?> dataType) {
        List<String> ids = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            if (!(message instanceof DomainEventMessage<?> event)) {
                continue;
            }
            // the very bytes of the insert: Axon serialized them once, for the statement above, and keeps them
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            if (payload.getData() instanceof byte[] payloadBytes && metaData.getData() instanceof byte[] metaDataBytes) {
                StoredEvent stored = new StoredEvent(0, event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                        payload.getType().getRevision(), payloadBytes, metaDataBytes);
                unsealed.put(event.getIdentifier(), fingerprint(stored));
                ids.add(event.getIdentifier());
            }
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().onRollback(rolledBack -> unsealed.invalidateAll(ids)));
    }

    /**
     * Whether the event, as stored, is what this instance appended; true when it appended no such
     * event or no longer remembers it. Its fingerprint is forgotten either way: the event has been looked at.
     */
    public boolean unchanged(StoredEvent stored) {
        String appended = unsealed.asMap().remove(stored.eventId());
        return appended == null || appended.equals(fingerprint(stored.at(0)));
    }

    /** The events this instance appended and has not checked yet. */
    public Collection<String> unchecked() {
        return List.copyOf(unsealed.asMap().keySet());
    }

    private static String fingerprint(StoredEvent atZero) {
        return ChainHash.next(ChainHash.GENESIS, atZero);
    }
}
