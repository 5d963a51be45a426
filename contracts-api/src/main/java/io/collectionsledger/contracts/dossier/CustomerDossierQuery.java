package io.collectionsledger.contracts.dossier;

import java.time.Instant;
import java.time.LocalDate;

/** What the ledger holds on file about a customer, from the facts that happened by {@code asOf} and were recorded by {@code knownAt}. */
public record CustomerDossierQuery(String customerId, LocalDate asOf, Instant knownAt) {
}
