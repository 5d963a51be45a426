package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice and what happened to it: its terms with their due dates and what is open on each,
 * every amount set against it (payments, applied credit, and what a reversal reopened), credit
 * notes, disputes, late fees as they were fixed day by day and the corrections that took some
 * back, write-offs and recoveries.
 * {@code receivableClass} is CURRENT until a collector classifies the invoice otherwise.
 */
public record Invoice(
        String invoiceId,
        String contractId,
        LocalDate occurredOn,
        Instant recordedAt,
        Money amount,
        List<String> deliveryIds,
        String documentRef,
        ReceivableClass receivableClass,
        Money open,
        Money overdue,
        Money lateFeesOpen,
        Money disputed,
        List<Term> terms,
        List<AllocationReceived> allocations,
        List<CreditNote> creditNotes,
        List<Dispute> disputes,
        List<LateFee> lateFees,
        List<LateFeeCorrection> lateFeeCorrections,
        List<WriteOff> writeOffs,
        List<Recovery> recoveries) {

    /**
     * One term: its amount and due date, days past due as of the query's date (0 when not overdue
     * or nothing is open), the principal open, the late fees accrued and open, and what moved into a payment plan.
     */
    public record Term(String termId, Money amount, LocalDate dueDate, int daysPastDue, Money principalOpen,
                       Money lateFeesAccrued, Money lateFeesOpen, Money rescheduled) {
    }

    /**
     * An amount set against a term, or taken back off it: {@code source} says by what
     * ({@code PAYMENT}, {@code CREDIT_APPLICATION}, or {@code PAYMENT_REVERSAL}, whose amount reopens what the payment had paid).
     */
    public record AllocationReceived(@NeverAbsent Source source, @NeverAbsent String sourceId, @NeverAbsent LocalDate occurredOn,
                                     @NeverAbsent String termId, @NeverAbsent Allocation.Component component, @NeverAbsent Money amount) {

        /** What set the amount against the invoice, or reopened it. */
        public enum Source { PAYMENT, CREDIT_APPLICATION, PAYMENT_REVERSAL }
    }

    public record CreditNote(String creditNoteId, LocalDate occurredOn, Instant recordedAt, Money amount, String reason,
                             List<Allocation> reductions) {
    }

    /** Late fees fixed on one term by the close of one business day. */
    public record LateFee(LocalDate occurredOn, String termId, Money amount, int days, LocalDate accruedThrough, boolean capped) {
    }

    /**
     * Late fees taken back on one term because {@code recorded} (through {@code accruedThrough})
     * was above {@code cap}; {@code credited}, the part already paid, became unapplied credit.
     */
    public record LateFeeCorrection(@NeverAbsent LocalDate occurredOn, @NeverAbsent String termId, @NeverAbsent LocalDate accruedThrough,
                                    @NeverAbsent Money recorded, @NeverAbsent Money cap, @NeverAbsent Money takenBack,
                                    @NeverAbsent Money credited, @NeverAbsent String reason) {
    }

    public record WriteOff(String writeOffId, LocalDate occurredOn, Instant recordedAt, Money amount, String reason,
                           List<Allocation> writtenOff) {
    }

    public record Recovery(@NeverAbsent String recoveryId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                           @NeverAbsent Money amount, String reference) {
    }
}
