package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.LocalDate;

/**
 * One invoice term (or payment-plan installment, whose invoiceId is the plan's) on the statement:
 * what it asked, the late fees or interest added, what was paid, credited, written off or moved
 * into a payment plan, and what is open.
 */
public record OpenItem(
        @NeverAbsent String invoiceId,
        @NeverAbsent String termId,
        String contractId,
        LocalDate issuedOn,
        @NeverAbsent LocalDate dueDate,
        @NeverAbsent Money amount,
        @NeverAbsent Money lateFees,
        @NeverAbsent Money paid,
        @NeverAbsent Money credited,
        @NeverAbsent Money writtenOff,
        @NeverAbsent Money rescheduled,
        @NeverAbsent Money open) {
}
