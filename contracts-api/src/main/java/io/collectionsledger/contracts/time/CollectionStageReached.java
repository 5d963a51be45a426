package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An invoice term entered a collection stage: {@code DPD_1_30} is the day it became overdue.
 * {@code occurredOn} is the day it crossed, even when the close of day that noticed it ran later.
 */
@EventType("time.CollectionStageReached")
@Revision("1")
public record CollectionStageReached(
        String customerId,
        String invoiceId,
        String termId,
        LocalDate occurredOn,
        LocalDate dueDate,
        CollectionStage stage,
        Money open) implements AccountEvent {
}
