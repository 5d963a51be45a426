package io.collectionsledger.contracts.lookup;

import java.time.Instant;
import java.time.LocalDate;

/** Everything recorded about one customer, from the facts that happened by {@code asOf} and were recorded by {@code knownAt}. */
public record CustomerRecordsQuery(String customerId, LocalDate asOf, Instant knownAt) {
}
