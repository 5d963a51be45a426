package io.collectionsledger.testing;

import io.collectionsledger.contracts.party.RecordLedgerParty;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.LedgerEvent;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands events to a read model as its processor would: through Axon's own handler adapter, as
 * domain events numbered per account, each with an id and the time it was recorded.
 */
public final class EventFeed {

    private final AnnotationEventHandlerAdapter handlers;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public EventFeed(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    /** Feeds the event, recorded at the given time; returns the id the event was given. */
    public String feed(AccountEvent event, Instant recordedAt) {
        long sequence = nextSequence.merge(event.customerId(), 1L, Long::sum) - 1;
        String eventId = event.customerId() + "#" + sequence;
        try {
            handlers.handle(new GenericDomainEventMessage<>("CustomerAccount", event.customerId(), sequence, event,
                    MetaData.emptyInstance(), eventId, recordedAt));
        } catch (Exception e) {
            throw new IllegalStateException("the read model failed on " + event, e);
        }
        return eventId;
    }

    /** Feeds one of the ledger's own events, numbered in the one ledger party's stream. */
    public String feed(LedgerEvent event, Instant recordedAt) {
        long sequence = nextSequence.merge(RecordLedgerParty.LEDGER, 1L, Long::sum) - 1;
        String eventId = RecordLedgerParty.LEDGER + "#" + sequence;
        try {
            handlers.handle(new GenericDomainEventMessage<>("OwnParty", RecordLedgerParty.LEDGER, sequence, event, MetaData.emptyInstance(), eventId,
                    recordedAt));
        } catch (Exception e) {
            throw new IllegalStateException("the read model failed on " + event, e);
        }
        return eventId;
    }

    /** What a rebuild does first. */
    public void reset() {
        handlers.prepareReset();
    }
}
