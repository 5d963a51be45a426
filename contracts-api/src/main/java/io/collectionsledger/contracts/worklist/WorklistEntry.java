package io.collectionsledger.contracts.worklist;

import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One customer on the worklist.
 *
 * @param tier                  the reminder tier of the collector assignment; null when never assigned
 * @param daysPastDue           of the oldest overdue term; 0 before due
 * @param nextDueDate           the earliest due date still to come, for pre-due reminders
 * @param open                  what is open, per currency (never summed across currencies)
 * @param overdue               the part of it past due, per currency
 * @param disputed              the part of it the customer disputes, per currency (in open, not dunned)
 * @param limitationDate        the first date on which the limitation period of an open overdue term ends
 * @param limitationTerm        that term, as invoice/term
 * @param limitationRestartedBy the fact that last restarted that period, or null if it runs from the due date
 * @param brokenPromises        promises broken or only partly kept, as their latest outcome says
 * @param earlyWarnings         the early-warning signals flagged on the customer
 * @param ordersHeld            how many times new orders were held for a payment more than 15 days late
 * @param openCases             legal cases filed and not closed
 */
public record WorklistEntry(
        int rank,
        String customerId,
        String name,
        String collector,
        ReminderTier tier,
        WorklistStage stage,
        long daysPastDue,
        LocalDate oldestOverdueDueDate,
        LocalDate nextDueDate,
        List<Money> open,
        List<Money> overdue,
        List<Money> disputed,
        LocalDate limitationDate,
        String limitationTerm,
        String limitationRestartedBy,
        int brokenPromises,
        List<EarlyWarningSignal> earlyWarnings,
        int ordersHeld,
        List<String> openCases,
        PriorityScore priority,
        NextAction nextAction) {

    public WorklistEntry withRank(int rank) {
        return new WorklistEntry(rank, customerId, name, collector, tier, stage, daysPastDue, oldestOverdueDueDate, nextDueDate, open,
                overdue, disputed, limitationDate, limitationTerm, limitationRestartedBy, brokenPromises, earlyWarnings, ordersHeld, openCases,
                priority, nextAction);
    }
}
