package io.collectionsledger.contracts.party;

import java.time.Instant;
import java.time.LocalDate;

/** The ledger's own party as in force on {@code asOf}, as recorded by {@code knownAt}. */
public record LedgerPartyQuery(LocalDate asOf, Instant knownAt) {
}
