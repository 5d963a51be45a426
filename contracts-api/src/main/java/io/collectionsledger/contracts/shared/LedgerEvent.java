package io.collectionsledger.contracts.shared;

import java.time.LocalDate;

/**
 * A fact about the ledger itself rather than about one customer's account, such as the party the
 * ledger keeps accounts for. Stored in the journal under its logical type name as account events
 * are, read by the read models that need it; not published, as it concerns no customer.
 */
public interface LedgerEvent {

    /** The business day from which the fact holds. */
    LocalDate occurredOn();
}
