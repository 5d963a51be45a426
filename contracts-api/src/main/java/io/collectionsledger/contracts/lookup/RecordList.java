package io.collectionsledger.contracts.lookup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One kind of a customer's records ({@code kind} is its path, such as {@code invoices}), in the order they were recorded. */
public record RecordList<T>(String customerId, LocalDate asOf, Instant knownAt, String kind, List<T> records) {
}
