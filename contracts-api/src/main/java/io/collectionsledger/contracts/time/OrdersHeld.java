package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** New orders are held: a term went more than the allowed days past due without being paid. */
@EventType("time.OrdersHeld")
@Revision("1")
public record OrdersHeld(
        String customerId,
        LocalDate occurredOn,
        String invoiceId,
        String termId,
        int daysPastDue) implements AccountEvent {
}
