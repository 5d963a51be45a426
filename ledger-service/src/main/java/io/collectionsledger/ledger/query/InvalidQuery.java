package io.collectionsledger.ledger.query;

/** A query parameter that cannot be answered; nothing was read. */
class InvalidQuery extends RuntimeException {

    InvalidQuery(String message) {
        super(message);
    }
}
