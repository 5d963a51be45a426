package io.collectionsledger.contracts.worklist;

import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Require;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The collection worklist as of a business date (facts that happened by then) and as the ledger
 * knew it at a time (facts recorded by then), for one collector or everyone (collector null), the
 * first {@code limit} customers in priority order.
 */
public record CollectionWorklistQuery(LocalDate asOf, Instant knownAt, String collector, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public CollectionWorklistQuery {
        Require.date(asOf, "asOf");
        Require.present(knownAt, "knownAt");
        Require.optionalId(collector, "collector");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
