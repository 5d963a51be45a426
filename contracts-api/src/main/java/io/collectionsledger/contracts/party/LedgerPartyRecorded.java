package io.collectionsledger.contracts.party;

import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.LedgerEvent;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The party the ledger keeps accounts for is this, from {@code occurredOn} on, until a later one is recorded. */
@EventType("party.LedgerPartyRecorded")
@Revision("1")
public record LedgerPartyRecorded(
        LocalDate occurredOn,
        String name,
        String registrationNumber,
        String postalAddress,
        String postcode,
        String bankName,
        String bankAccount) implements LedgerEvent {
}
