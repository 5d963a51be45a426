package io.collectionsledger.contracts.writeoff;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An invoice written off; {@code writtenOff} says which terms and components, so aging can leave them out. */
@EventType("writeoff.ReceivableWrittenOff")
@Revision("1")
public record ReceivableWrittenOff(
        String customerId,
        String invoiceId,
        String writeOffId,
        LocalDate occurredOn,
        Money amount,
        String reason,
        List<Allocation> writtenOff) implements AccountEvent {
}
