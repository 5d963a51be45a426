package io.collectionsledger.ledger.query;

import java.time.Instant;
import java.time.LocalDate;

/** A report about one customer, of a customer the journal did not know at the time it is asked as of; nothing was read. */
class UnknownCustomer extends RuntimeException {

    UnknownCustomer(String customerId, Instant knownAt) {
        super("no customer " + customerId + " had been registered as known at " + knownAt);
    }

    /** A customer the journal knew at {@code knownAt}, registered with a business date after {@code asOf}. */
    UnknownCustomer(String customerId, LocalDate asOf, Instant knownAt) {
        super("no customer " + customerId + " had been registered by " + asOf + " as known at " + knownAt);
    }
}
