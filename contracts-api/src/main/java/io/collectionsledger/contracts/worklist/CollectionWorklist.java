package io.collectionsledger.contracts.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Customers to work on, highest priority first, as of a business date and as known at a time. */
public record CollectionWorklist(LocalDate asOf, Instant knownAt, String collector, List<WorklistEntry> customers) {
}
