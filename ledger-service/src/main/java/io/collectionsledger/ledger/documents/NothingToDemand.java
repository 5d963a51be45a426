package io.collectionsledger.ledger.documents;

/** A dunning letter would demand nothing: nothing undisputed is overdue as of its date. */
class NothingToDemand extends RuntimeException {

    NothingToDemand(String message) {
        super(message);
    }
}
