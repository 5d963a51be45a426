package io.collectionsledger.contracts.litigation;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("litigation.LegalStepRecorded")
@Revision("1")
public record LegalStepRecorded(
        String customerId,
        String caseId,
        String stepId,
        LocalDate occurredOn,
        LegalStep step,
        Money amount,
        String description,
        String documentRef) implements AccountEvent {
}
