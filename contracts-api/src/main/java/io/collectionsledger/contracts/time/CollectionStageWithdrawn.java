package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A term's entry into a collection stage, recorded earlier on {@code occurredOn}, did not happen
 * then: a fact recorded since, dated on or before that day (a payment keyed in late), shows the
 * term was not open on it. The {@link CollectionStageReached} stays in the history; if the term
 * entered the stage on another day, that is recorded beside, on its own day.
 */
@EventType("time.CollectionStageWithdrawn")
@Revision("1")
public record CollectionStageWithdrawn(
        String customerId,
        String invoiceId,
        String termId,
        LocalDate occurredOn,
        CollectionStage stage,
        String reason) implements AccountEvent {
}
