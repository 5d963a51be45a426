package io.collectionsledger.verifier;

/** The journal could not be read at all: nothing can be said about the chain. */
final class UnreadableJournal extends RuntimeException {

    UnreadableJournal(String message, Throwable cause) {
        super(message, cause);
    }
}
