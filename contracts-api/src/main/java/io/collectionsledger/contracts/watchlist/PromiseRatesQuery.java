package io.collectionsledger.contracts.watchlist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Kept-promise rate and promises-obtained rate over the business days {@code from} to {@code to}
 * (inclusive), per customer or per collector, from the facts that happened by {@code asOf} and
 * were recorded by {@code knownAt}.
 */
public record PromiseRatesQuery(LocalDate from, LocalDate to, Grouping by, LocalDate asOf, Instant knownAt) {

    public enum Grouping { CUSTOMER, COLLECTOR }
}
