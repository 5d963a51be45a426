package io.collectionsledger.ledger.query;

/** A read model had not processed the position a query asked for within the wait allowed. */
class ReadModelBehind extends RuntimeException {

    ReadModelBehind(String processingGroup, long position) {
        super("read model " + processingGroup + " has not yet processed position " + position + "; ask again shortly");
    }
}
