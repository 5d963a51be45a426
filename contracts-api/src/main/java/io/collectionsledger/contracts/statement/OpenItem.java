package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/** One invoice term on the statement: what it asked, what was paid and credited, and what is open. */
public record OpenItem(
        String invoiceId,
        String termId,
        String contractId,
        LocalDate issuedOn,
        LocalDate dueDate,
        Money amount,
        Money paid,
        Money credited,
        Money open) {
}
