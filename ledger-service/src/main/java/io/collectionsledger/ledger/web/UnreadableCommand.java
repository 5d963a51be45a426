package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The body could not be made into the command: a wrong type, a missing or malformed field. */
class UnreadableCommand extends RuntimeException {

    UnreadableCommand(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
    }

    JsonProcessingException jsonCause() {
        return (JsonProcessingException) getCause();
    }
}
