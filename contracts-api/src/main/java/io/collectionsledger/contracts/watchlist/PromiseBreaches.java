package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Breaches, the latest judged first, and the customers who breach repeatedly, most breaches first. */
public record PromiseBreaches(LocalDate asOf, Instant knownAt, List<PromiseBreach> breaches, List<RepeatedBreaches> repeatedBreaches) {
}
