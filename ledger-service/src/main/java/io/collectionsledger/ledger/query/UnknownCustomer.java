package io.collectionsledger.ledger.query;

import java.time.Instant;

/** A report about one customer, of a customer the journal did not know at the time it is asked as of; nothing was read. */
class UnknownCustomer extends RuntimeException {

    UnknownCustomer(String customerId, Instant knownAt) {
        super("no customer " + customerId + " had been registered as known at " + knownAt);
    }
}
