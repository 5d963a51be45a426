package io.collectionsledger.ledger.journal;

import io.collectionsledger.contracts.audit.StoredEvent;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * First in the upcaster chain: an event stored before logical type names carries its class name
 * ({@code io.collectionsledger.contracts.payment.PaymentRecorded}) and is read on under its logical
 * name ({@link StoredEvent#logicalType(String)}), so that every upcaster after this one and the
 * serializer see logical names only. The stored row is never changed: the chain hashes it as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LegacyTypeNames extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().startsWith(StoredEvent.LEGACY_PREFIX);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        SerializedType stored = event.getType();
        return event.upcastPayload(new SimpleSerializedType(StoredEvent.logicalType(stored.getName()), stored.getRevision()),
                byte[].class, Function.identity());
    }
}
