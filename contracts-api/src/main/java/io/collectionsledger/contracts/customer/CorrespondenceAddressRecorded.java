package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Letters to the customer go to this address, for the attention of this person, from
 * {@code occurredOn} on, until a later one is recorded.
 */
@EventType("customer.CorrespondenceAddressRecorded")
@Revision("1")
public record CorrespondenceAddressRecorded(
        String customerId,
        LocalDate occurredOn,
        String postalAddress,
        String postcode,
        String contactPerson,
        String contactPhone) implements AccountEvent {
}
