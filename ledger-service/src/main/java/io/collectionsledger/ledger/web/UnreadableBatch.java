package io.collectionsledger.ledger.web;

/** A batch whose shape is wrong as a whole; no item of it was looked at. */
class UnreadableBatch extends RuntimeException {

    UnreadableBatch(String message) {
        super(message);
    }
}
