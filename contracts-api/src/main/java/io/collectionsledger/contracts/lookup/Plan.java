package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment plan: what it moved off the invoices' terms, and its installments with what is still
 * open on each, which is how a plan turns out.
 */
public record Plan(String planId, LocalDate occurredOn, Instant recordedAt, List<String> invoiceIds, List<Allocation> rescheduled,
                   boolean coversInvoicesInLitigation, String documentRef, Money open, List<InstallmentDue> installments) {

    /** One installment: its principal and interest, due date, days past due as of the query's date, and what is open. */
    public record InstallmentDue(String installmentId, Money principal, Money interest, LocalDate dueDate, int daysPastDue,
                                 Money principalOpen, Money interestOpen) {
    }
}
