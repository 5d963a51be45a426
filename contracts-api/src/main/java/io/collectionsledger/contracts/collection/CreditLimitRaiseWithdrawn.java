package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A raise of the credit limit recorded earlier, on {@code occurredOn}, does not stand as recorded:
 * payments recorded since, dated before it, break its run of early payments or change the limit it
 * raised. Its fields repeat the {@link CreditLimitRaised} it withdraws, which stays in the history;
 * the raises that should have been are recorded beside, on their own days.
 */
@EventType("collection.CreditLimitRaiseWithdrawn")
@Revision("1")
public record CreditLimitRaiseWithdrawn(
        String customerId,
        LocalDate occurredOn,
        Money previous,
        Money limit,
        List<String> earlyPaymentIds,
        String reason) implements AccountEvent {
}
