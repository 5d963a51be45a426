package io.collectionsledger.contracts.shared;

/**
 * The answer to a command that was recorded. {@code version} is the account's version after it
 * (send it back as {@code If-Match}); {@code position} is the global position of the account's last
 * event, which a query can name to be answered only once a read model has seen it.
 */
public record CommandAccepted(String commandId, String customerId, long version, long position) {
}
