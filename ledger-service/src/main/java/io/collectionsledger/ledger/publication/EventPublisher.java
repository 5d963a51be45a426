package io.collectionsledger.ledger.publication;

import io.collectionsledger.contracts.shared.AccountEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every account event, in journal order, as a streaming processor of its own
 * ({@value #PROCESSING_GROUP}). The handler only collects a batch; the batch is sent when Axon
 * prepares to commit it, in the same transaction that stores the processor's token, and the broker
 * must have confirmed every message before that transaction commits. So the token never passes an
 * event the broker has not confirmed: a failure (broker down, permission taken, service killed)
 * leaves the token where it was, and the batch is sent again from there, at least once and in order
 * per customer (each customer's events belong to one segment). A re-sent message carries the same
 * {@code message-id}.
 *
 * <p>Not a read model: {@link DisallowReplay} makes its processor refuse a reset, so no rebuild
 * can send the whole journal again; and its errors fail the batch (see PublicationConfiguration)
 * instead of being logged and skipped.
 */
@Component
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
@DisallowReplay
@ConditionalOnProperty(name = "ledger.events.publish", havingValue = "true", matchIfMissing = true)
class EventPublisher {

    static final String PROCESSING_GROUP = "publication";
    private static final String BATCH = EventPublisher.class.getName() + ".batch";

    private final PublishedEvents publishedEvents;
    private final Broker broker;

    EventPublisher(PublishedEvents publishedEvents, Broker broker) {
        this.publishedEvents = publishedEvents;
        this.broker = broker;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message) {
        batch().add(publishedEvents.of(message));
    }

    private List<PublishedEvent> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<PublishedEvent> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> broker.publish(events));
            return events;
        });
    }
}
