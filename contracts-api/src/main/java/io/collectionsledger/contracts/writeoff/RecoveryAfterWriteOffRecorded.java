package io.collectionsledger.contracts.writeoff;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("writeoff.RecoveryAfterWriteOffRecorded")
@Revision("1")
public record RecoveryAfterWriteOffRecorded(
        String customerId,
        String invoiceId,
        String recoveryId,
        LocalDate occurredOn,
        Money amount,
        String reference) implements AccountEvent {
}
