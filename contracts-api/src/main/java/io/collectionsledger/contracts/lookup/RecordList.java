package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One kind of a customer's records ({@code kind} is its path, such as {@code invoices}), in the order they were recorded. */
public record RecordList<T>(@NeverAbsent String customerId, @NeverAbsent LocalDate asOf, @NeverAbsent Instant knownAt, @NeverAbsent String kind,
                            List<T> records) {
}
