package io.collectionsledger.ledger.documents;

/** No customer of that id was registered by the document's date, as known at its time. */
class UnknownCustomer extends RuntimeException {

    UnknownCustomer(String message) {
        super(message);
    }
}
