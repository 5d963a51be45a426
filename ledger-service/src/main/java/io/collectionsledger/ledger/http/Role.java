package io.collectionsledger.ledger.http;

/**
 * What a caller may do, carried as the token's {@code roles} claim. Collectors stand for credit
 * managers and lawyers too: everyone who acts on an overdue customer.
 */
public enum Role {
    /** Other services: every command, the credit decision. */
    service,
    /** Collection commands; reads of the read models and their exports. */
    collector,
    /** History, the hash chain, who saw what, and the read models; never writes. */
    auditor,
    /** The read models and their exports. */
    analyst;

    public String authority() {
        return "ROLE_" + name();
    }
}
