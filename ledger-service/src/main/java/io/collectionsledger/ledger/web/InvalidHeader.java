package io.collectionsledger.ledger.web;

/** A convention header missing or malformed; the command was not looked at. */
class InvalidHeader extends RuntimeException {

    private final String header;

    InvalidHeader(String header, String reason) {
        super(header + ": " + reason);
        this.header = header;
    }

    String header() {
        return header;
    }
}
