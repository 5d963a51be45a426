package io.collectionsledger.ledger.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code payment.UnappliedCreditApplied} revision 1 to 2 (issue 17): the ledger applies a payment's
 * money to a receivable issued after the payment's date, and names the payment. Every application
 * recorded before was the customer's, so it names none. After {@link LegacyTypeNames}, which gives
 * older events their logical name.
 */
@Component
@Order(2)
public class UnappliedCreditAppliedPayment extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("payment.UnappliedCreditApplied", "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType("payment.UnappliedCreditApplied", "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, ObjectNode.class, json -> json.putNull("paymentId"));
    }
}
