package io.collectionsledger.contracts.dispute;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("dispute.DisputeRaised")
@Revision("1")
public record DisputeRaised(
        String customerId,
        String disputeId,
        LocalDate occurredOn,
        String invoiceId,
        Money amount,
        DisputeReason reason,
        String description) implements AccountEvent {
}
