package io.collectionsledger.ledger.publication;

import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.ledger.journal.EventTypes;
import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.ledger.query.InvalidQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.List;

/**
 * The journal from a position, in the published form: what a consumer that starts late reads
 * first, before it switches to its queue. The same events, in the same shape, as on the broker.
 */
@RestController
@Tag(name = "Publication")
class EventReplay {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    /** A page of the journal in the published form; {@code next} is the {@code after} of the next page, absent on the last. */
    record EventPage(List<PublishedEvent> events, Long next) {
    }

    private final Journal journal;
    private final EventTypes eventTypes;
    private final PublishedEvents publishedEvents;
    private final Serializer eventSerializer;
    private final Configuration axon;

    EventReplay(Journal journal, EventTypes eventTypes, PublishedEvents publishedEvents,
                @Qualifier("eventSerializer") Serializer eventSerializer, Configuration axon) {
        this.journal = journal;
        this.eventTypes = eventTypes;
        this.publishedEvents = publishedEvents;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    @GetMapping("/events")
    @Operation(summary = "Every event after a global index, oldest first, as the broker carries it (docs/asyncapi.json): "
            + "a page of up to `limit` (default 500, at most 5000); `next` is the `after` of the next page, absent on the last")
    EventPage events(@Parameter(description = "global index of the last event already read (0 for the start)")
                     @RequestParam(defaultValue = "0") long after,
                     @Parameter(description = "logical type name, e.g. time.OrdersHeld, or the event name alone; repeat for several")
                     @RequestParam(name = "type", required = false) List<String> types,
                     @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidQuery("limit: from 1 to " + MAX_LIMIT + "; got " + size);
        }
        List<String> logicalTypes = (types == null ? Collections.<String>emptyList() : types).stream()
                .map(type -> eventTypes.named(type).orElseThrow(() -> new InvalidQuery("type: no event is named " + type)))
                .toList();
        List<StoredEvent> stored = journal.stored(Math.max(after, 0), logicalTypes, size);
        List<PublishedEvent> events = EventUtils.upcastAndDeserializeTrackedEvents(stored.stream().map(EventReplay::trackedData),
                        eventSerializer, axon.upcasterChain())
                // the ledger's own facts (LedgerEvent) concern no customer and are not published
                .filter(message -> message.getPayload() instanceof AccountEvent)
                .map(publishedEvents::of)
                .toList();
        return new EventPage(events, stored.size() < size ? null : stored.get(stored.size() - 1).globalIndex());
    }

    private static TrackedEventData<byte[]> trackedData(StoredEvent event) {
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(event.globalIndex(), Collections.emptySet()),
                new GenericDomainEventEntry<>(event.aggregateType(), event.aggregateId(), event.sequence(), event.eventId(),
                        event.timestamp(), event.type(), event.revision(), event.payload(), event.metaData()));
    }
}
