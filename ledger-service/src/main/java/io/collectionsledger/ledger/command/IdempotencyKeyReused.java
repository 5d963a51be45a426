package io.collectionsledger.ledger.command;

/** A command id the client already used for a different command. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String commandId, String firstType) {
        super("command id " + commandId + " was already used for a different " + firstType
                + "; a retry must send the same body, a new command needs a new id");
    }
}
