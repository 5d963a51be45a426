package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Promise rates per customer or collector over a period, and over everyone. */
public record PromiseRates(LocalDate from, LocalDate to, PromiseRatesQuery.Grouping by, LocalDate asOf, Instant knownAt,
                           List<PromiseRate> rows, PromiseRate total) {
}
