package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Promises due soon, the nearest date first. */
public record PromisesDue(LocalDate asOf, Instant knownAt, int dueWithinDays, List<PromiseDue> promises) {
}
