package io.collectionsledger.ledger.query;

/** A query parameter that cannot be answered; nothing was read. */
public class InvalidQuery extends RuntimeException {

    public InvalidQuery(String message) {
        super(message);
    }
}
