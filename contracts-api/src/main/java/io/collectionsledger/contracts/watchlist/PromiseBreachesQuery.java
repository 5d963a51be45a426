package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Promises broken or partially kept, for one customer or all, and the customers with at least
 * {@code repeatedAt} of them; from the facts that happened by {@code asOf} and were recorded by {@code knownAt}.
 */
public record PromiseBreachesQuery(LocalDate asOf, Instant knownAt, String customerId, int repeatedAt) {

    public static final int DEFAULT_REPEATED_AT = 2;
}
