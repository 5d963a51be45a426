package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("customer.CustomerRegistered")
@Revision("1")
public record CustomerRegistered(
        String customerId,
        String name,
        String registrationNumber,
        LocalDate occurredOn,
        CreditFile creditFile) implements AccountEvent {
}
