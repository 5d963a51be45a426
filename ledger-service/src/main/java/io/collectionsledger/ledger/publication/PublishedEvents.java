package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.journal.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Turns an event as Axon hands it over (read from the journal and upcast to its current revision)
 * into its published form. The payload is written by a mapper of its own, neither the storage
 * mapper (amounts as JSON numbers, as stored) nor Spring MVC's: a published amount is a string,
 * since a JavaScript consumer would lose precision above 2^53, and a change to either of those
 * mappers must never change what other services read.
 */
@Component
public class PublishedEvents {

    /** The published language's mapper: amounts as plain decimal strings, dates ISO-8601, no null fields. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withConfigOverride(BigDecimal.class, amount -> amount.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final EventTypes eventTypes;
    private final RevisionResolver revisions = new AnnotationRevisionResolver();

    PublishedEvents(EventTypes eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** An account event read from the journal: a domain event message with its tracking token. */
    public PublishedEvent of(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || !(message instanceof TrackedEventMessage<?> tracked)
                || !(message.getPayload() instanceof AccountEvent event)) {
            throw new IllegalArgumentException("not an account event read from the journal: " + message);
        }
        Class<?> eventClass = event.getClass();
        String type = eventTypes.nameOf(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no logical type name");
        }
        MetaData metaData = message.getMetaData();
        return new PublishedEvent(message.getIdentifier(), type, revisions.revisionOf(eventClass), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), tracked.trackingToken().position().orElseThrow(), event.occurredOn(), message.getTimestamp(),
                text(metaData.get(CommandContext.CORRELATION_ID)), text(metaData.get(CommandContext.COMMAND_ID)), text(metaData.get(CommandContext.CLIENT_ID)),
                MAPPER.valueToTree(event));
    }

    /** The message body: the payload as UTF-8 JSON. */
    static byte[] body(PublishedEvent event) {
        return json(event.payload());
    }

    static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
