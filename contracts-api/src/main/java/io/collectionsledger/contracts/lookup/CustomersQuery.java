package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReminderTier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customers the ledger knew, a page at a time, as of a business date and as known at a time.
 * Every filter is optional: {@code nameContains} matches the registered name ignoring case,
 * {@code receivableClass} a customer with an open invoice of that class. {@code currency} is
 * required when the order is by open amount, the largest first.
 *
 * @param after the previous page's {@code nextAfter}; null for the first page
 * @param limit customers per page; null for every customer (an export)
 */
public record CustomersQuery(LocalDate asOf, Instant knownAt, String nameContains, String collector, ReminderTier tier,
                             ReceivableClass receivableClass, CustomerOrder order, String currency, String after, Integer limit) {

    /** How the customers are listed. */
    public enum CustomerOrder { NAME, OPEN_AMOUNT }
}
