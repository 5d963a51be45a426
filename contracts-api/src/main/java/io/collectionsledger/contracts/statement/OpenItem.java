package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/**
 * One invoice term (or payment-plan installment, whose invoiceId is the plan's) on the statement:
 * what it asked, the late fees or interest added, what was paid, credited, written off or moved
 * into a payment plan, and what is open.
 */
public record OpenItem(
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
        Money open) {
}
