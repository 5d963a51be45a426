package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An invoice issued, with the terms it was split into and their due dates. */
@EventType("receivable.InvoiceIssued")
@Revision("1")
public record InvoiceIssued(
        String customerId,
        String invoiceId,
        String contractId,
        LocalDate occurredOn,
        Money amount,
        List<InvoiceTerm> terms,
        List<String> deliveryIds,
        String documentRef) implements AccountEvent {
}
