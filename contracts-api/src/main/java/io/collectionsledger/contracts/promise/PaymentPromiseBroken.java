package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * None of the promised amount arrived by the promised date (plus grace). Produced by the close of the business day
 * {@code occurredOn}, the first day after the promised date and its grace.
 */
@EventType("promise.PaymentPromiseBroken")
@Revision("1")
public record PaymentPromiseBroken(
        String customerId,
        String promiseId,
        LocalDate occurredOn,
        Money promised,
        Money received,
        Money shortfall) implements AccountEvent {
}
