package io.collectionsledger.contracts.statement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer's statement of account from the facts that happened by {@code asOf} and were
 * recorded by {@code knownAt}: what a letter, a statement sent to the customer or a court filing
 * states as owed on that date.
 */
public record StatementOfAccountQuery(String customerId, LocalDate asOf, Instant knownAt) {
}
