package io.collectionsledger.contracts.collection;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The credit limit raised by the rule of consecutive early payments, naming them. */
@EventType("collection.CreditLimitRaised")
@Revision("1")
public record CreditLimitRaised(
        String customerId,
        LocalDate occurredOn,
        Money previous,
        Money limit,
        List<String> earlyPaymentIds) implements AccountEvent {
}
