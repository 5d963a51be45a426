package io.collectionsledger.contracts.security;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("security.GuaranteeRecorded")
@Revision("1")
public record GuaranteeRecorded(
        String customerId,
        String guaranteeId,
        LocalDate occurredOn,
        RecordGuarantee.Kind kind,
        String guarantor,
        Money amountCovered,
        String registrationRef,
        String documentRef) implements AccountEvent {
}
