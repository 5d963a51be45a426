package io.collectionsledger.ledger.audit;

/** Resuming a chain whose alarm is not raised. */
class NothingToResume extends RuntimeException {

    NothingToResume() {
        super("the hash chain's alarm is not raised: the chain is being extended");
    }
}
