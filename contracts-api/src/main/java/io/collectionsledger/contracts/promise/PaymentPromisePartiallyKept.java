package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Some, not all, of the promised amount arrived by the promised date (plus grace); counts as not kept. Produced by the close of the business day
 * {@code occurredOn}, the first day after the promised date and its grace.
 */
@EventType("promise.PaymentPromisePartiallyKept")
@Revision("1")
public record PaymentPromisePartiallyKept(
        String customerId,
        String promiseId,
        LocalDate occurredOn,
        Money promised,
        Money received,
        Money shortfall) implements AccountEvent {
}
