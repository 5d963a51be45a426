package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("dunning.DunningLetterDelivered")
@Revision("1")
public record DunningLetterDelivered(
        String customerId,
        String letterId,
        LocalDate occurredOn,
        String receivedBy,
        String proofRef) implements AccountEvent {
}
