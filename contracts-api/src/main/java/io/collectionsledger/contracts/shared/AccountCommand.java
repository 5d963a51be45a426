package io.collectionsledger.contracts.shared;

import java.time.LocalDate;

/** A command addressed to one customer's account, the unit of consistency of the ledger. */
public interface AccountCommand {

    String customerId();

    /** The business date the command's fact belongs to; the ledger refuses one after today's. */
    LocalDate occurredOn();
}
