package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A credit note issued against an invoice; {@code reductions} says which terms it reduced and by how much. */
@EventType("receivable.CreditNoteIssued")
@Revision("1")
public record CreditNoteIssued(
        String customerId,
        String invoiceId,
        String creditNoteId,
        LocalDate occurredOn,
        Money amount,
        String reason,
        List<Allocation> reductions) implements AccountEvent {
}
