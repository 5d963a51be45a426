package io.collectionsledger.ledger.web;

/** The body names a different resource than the path it was sent to. */
class PathBodyMismatch extends RuntimeException {

    PathBodyMismatch(String field, String inPath, String inBody) {
        super(field + " is " + inPath + " in the path but " + inBody + " in the body");
    }
}
