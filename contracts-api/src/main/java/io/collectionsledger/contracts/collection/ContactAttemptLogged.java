package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("collection.ContactAttemptLogged")
@Revision("1")
public record ContactAttemptLogged(
        String customerId,
        String contactId,
        LocalDate occurredOn,
        String collector,
        Channel channel,
        String partyReached,
        ContactOutcome outcome,
        Excuse excuse,
        String excuseText,
        String recordingRef) implements AccountEvent {
}
