package io.collectionsledger.ledger.journal;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, writing an account event's type as its logical type name
 * ({@code payment.PaymentRecorded}) rather than its class name, and reading that name back to
 * whichever class declares it now. Anything else (tokens, other messages) keeps its class name.
 * Events stored under their class name before reach it under their logical name:
 * {@link LegacyTypeNames} renames them first in the upcaster chain.
 */
public class LogicalTypeSerializer extends JacksonSerializer {

    private final EventTypes eventTypes;

    public LogicalTypeSerializer(JacksonSerializer.Builder builder, EventTypes eventTypes) {
        super(builder);
        this.eventTypes = eventTypes;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        String logicalName = type == null ? null : eventTypes.nameOf(type);
        if (logicalName == null) {
            return super.typeForClass(type);
        }
        return new SimpleSerializedType(logicalName, getRevisionResolver().revisionOf(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        Class<?> event = eventTypes.classOf(serializedType.getName());
        return event == null ? serializedType.getName() : event.getName();
    }
}
