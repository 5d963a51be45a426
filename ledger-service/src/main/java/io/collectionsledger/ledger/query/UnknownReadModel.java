package io.collectionsledger.ledger.query;

/** An admin operation named a read model that does not exist. */
class UnknownReadModel extends RuntimeException {

    UnknownReadModel(String name) {
        super("no read model " + name + "; GET /admin/read-models lists them");
    }
}
