package io.collectionsledger.ledger.documents;

/** The ledger keeps no bytes of the letter asked for: it was not sent, or was made elsewhere. */
class NoKeptDocument extends RuntimeException {

    NoKeptDocument(String message) {
        super(message);
    }
}
