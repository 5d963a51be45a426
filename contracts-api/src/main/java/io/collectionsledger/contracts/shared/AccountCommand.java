package io.collectionsledger.contracts.shared;

/** A command addressed to one customer's account, the unit of consistency of the ledger. */
public interface AccountCommand {

    String customerId();
}
