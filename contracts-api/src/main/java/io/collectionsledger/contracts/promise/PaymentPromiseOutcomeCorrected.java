package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A payment recorded late, with a business date within the promise's window, changed the
 * outcome recorded earlier. The earlier outcome stays in the history; this corrects it.
 */
@EventType("promise.PaymentPromiseOutcomeCorrected")
@Revision("1")
public record PaymentPromiseOutcomeCorrected(
        String customerId,
        String promiseId,
        LocalDate occurredOn,
        PromiseOutcome previous,
        PromiseOutcome corrected,
        Money received,
        Money shortfall,
        String paymentId) implements AccountEvent {
}
