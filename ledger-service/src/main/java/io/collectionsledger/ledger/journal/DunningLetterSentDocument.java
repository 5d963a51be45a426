package io.collectionsledger.ledger.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code dunning.DunningLetterSent} revision 1 to 2 (issue 22): a letter the ledger makes names the
 * SHA-256 of the bytes it keeps and the template's version. Every letter recorded before was made
 * elsewhere, so both are null. After {@link LegacyTypeNames}, which gives older events their logical name.
 */
@Component
@Order(1)
public class DunningLetterSentDocument extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("dunning.DunningLetterSent", "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType("dunning.DunningLetterSent", "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, ObjectNode.class, json -> {
            json.putNull("documentSha256");
            json.putNull("templateVersion");
            return json;
        });
    }
}
