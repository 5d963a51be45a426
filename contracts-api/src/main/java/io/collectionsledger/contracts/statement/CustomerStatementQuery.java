package io.collectionsledger.contracts.statement;

/** The customer's statement of open items as the read model knows it now. */
public record CustomerStatementQuery(String customerId) {
}
