package io.collectionsledger.contracts.party;

import java.time.Instant;
import java.time.LocalDate;

/** The party the ledger keeps accounts for, as recorded with effect from {@code since}, at {@code recordedAt}. */
public record LedgerParty(
        LocalDate since,
        Instant recordedAt,
        String name,
        String registrationNumber,
        String postalAddress,
        String postcode,
        String bankName,
        String bankAccount) {
}
