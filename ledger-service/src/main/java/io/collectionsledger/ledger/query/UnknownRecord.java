package io.collectionsledger.ledger.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A record of a customer (an invoice, a payment...) that the customer's facts did not hold as of
 * the date and as known at the time it was asked for; {@code problem} is its type, such as {@code unknown-invoice}.
 */
class UnknownRecord extends RuntimeException {

    private final String problem;
    private final String what;

    UnknownRecord(String problem, String what, String id, String customerId, LocalDate asOf, Instant knownAt) {
        super("customer " + customerId + " had no " + what + " " + id + " as of " + asOf + " as known at " + knownAt);
        this.problem = problem;
        this.what = what;
    }

    String title() {
        return "Unknown " + what;
    }

    String problem() {
        return problem;
    }
}
