package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Someone else now answers for the customer; previous is who the ledger knew of before (for the
 * person responsible for paying, first the one in the credit file), null when it knew of none.
 * Source says where the change was learnt, such as a business registration extract.
 */
@EventType("customer.ResponsiblePersonChanged")
@Revision("1")
public record ResponsiblePersonChanged(
        String customerId,
        String changeId,
        LocalDate occurredOn,
        RecordResponsiblePersonChange.Responsibility responsibility,
        String previous,
        String person,
        String source) implements AccountEvent {
}
