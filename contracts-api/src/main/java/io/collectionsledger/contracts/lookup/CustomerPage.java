package io.collectionsledger.contracts.lookup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One page of customers; {@code nextAfter} asks for the next page, null on the last. */
public record CustomerPage(LocalDate asOf, Instant knownAt, List<CustomerLine> customers, String nextAfter) {
}
