package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/**
 * One invoice term (or payment-plan installment, whose invoiceId is the plan's) on a statement of
 * account: the fields of {@link OpenItem} as of the statement's date, and what is open split into
 * principal and late fees (or a plan's interest). Payments settle late fees before principal
 * (Civil Code art. 561), so the split follows the components each payment, credit, write-off or
 * plan was set against.
 */
public record AccountItem(
        String invoiceId,
        String termId,
        String contractId,
        LocalDate issuedOn,
        LocalDate dueDate,
        Money amount,
        Money lateFees,
        Money paid,
        Money credited,
        Money writtenOff,
        Money rescheduled,
        Money open,
        Money openPrincipal,
        Money openLateFees) {
}
