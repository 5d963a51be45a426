package io.collectionsledger.contracts.shared;

/**
 * A command or value refused because one of its fields is malformed. Thrown from the records'
 * constructors, so a client that builds commands from this library is told before it sends them.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
