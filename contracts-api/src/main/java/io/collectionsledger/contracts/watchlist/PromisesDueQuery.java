package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Promises to pay whose date falls within {@code dueWithinDays} of {@code asOf} and whose outcome
 * is not yet recorded (those past their date are awaiting the close of day or in their grace),
 * for one customer or all; from the facts that happened by {@code asOf} and were recorded by {@code knownAt}.
 */
public record PromisesDueQuery(LocalDate asOf, Instant knownAt, int dueWithinDays, String customerId) {
}
