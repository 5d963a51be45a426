package io.collectionsledger.ledger.web;

/** A version was expected of an account the command opens, which has none yet; nothing was run. */
class NoVersionYet extends RuntimeException {

    NoVersionYet(String givenAs) {
        super(givenAs + ": the account this command opens has no version yet, so no expected version can hold; send it without one");
    }
}
