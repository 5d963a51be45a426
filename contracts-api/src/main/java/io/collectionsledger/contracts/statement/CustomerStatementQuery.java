package io.collectionsledger.contracts.statement;

import java.time.LocalDate;

/**
 * The customer's statement of open items as the read model knows it now, with the late fees accrued
 * through {@code today}, the business date: the ledger records fees only when it must fix an amount.
 */
public record CustomerStatementQuery(String customerId, LocalDate today) {
}
