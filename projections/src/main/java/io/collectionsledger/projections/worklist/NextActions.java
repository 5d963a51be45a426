package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.worklist.NextAction;
import io.collectionsledger.contracts.worklist.NextAction.Kind;
import io.collectionsledger.contracts.worklist.WorklistStage;

import java.time.LocalDate;
import java.util.List;

/**
 * The next action the collections guides recommend (domain.md §2–§3), from the customer's stage
 * and what has been done. The law comes first: a limitation period about to end, or ended, must
 * be dealt with whatever the stage; then a case already in court is followed; an amount the
 * customer disputes is not dunned, so a customer disputing all it owes overdue gets the dispute
 * settled; otherwise the stage decides, before due by the reminder tier.
 */
final class NextActions {

    private NextActions() {
    }

    /** What is known about the customer on the day; dates null when they do not apply. */
    record Situation(LocalDate asOf, WorklistStage stage, ReminderTier tier, LocalDate nextDueDate, LocalDate oldestOverdueDueDate,
                     LocalDate limitationDate, String limitationTerm, LocalDate lastLetterDelivered, List<String> openCases,
                     boolean overdueAllDisputed) {
    }

    static NextAction advise(Situation s) {
        if (s.stage() != WorklistStage.PRE_DUE && s.limitationDate() != null) {
            if (s.limitationDate().isBefore(s.asOf())) {
                return new NextAction(Kind.GET_DEBT_ACKNOWLEDGED, s.asOf(), "The limitation period of " + s.limitationTerm()
                        + " ended on " + s.limitationDate() + ": ask the customer to acknowledge the debt in writing (a confirmed "
                        + "reconciliation statement or a written payment promise); a debtor who agrees to pay after the period "
                        + "cannot plead it again (Civil Code art. 192)");
            }
            if (!s.limitationDate().isAfter(s.asOf().plusDays(WorklistPriority.LIMITATION_NEAR_DAYS))) {
                return new NextAction(Kind.RESTART_LIMITATION, s.asOf(), "The limitation period of " + s.limitationTerm()
                        + " ends on " + s.limitationDate() + ": before then, have a dunning letter delivered with proof, get a "
                        + "confirmed reconciliation statement or a written payment promise, or sue");
            }
        }
        if (s.stage() != WorklistStage.PRE_DUE && !s.openCases().isEmpty()) {
            return new NextAction(Kind.FOLLOW_LAWSUIT, s.asOf(), "Follow case " + String.join(", ", s.openCases())
                    + ": property preservation, hearing, judgment and enforcement");
        }
        if (s.overdueAllDisputed()) {
            return new NextAction(Kind.RESOLVE_DISPUTE, s.asOf(), "Everything overdue is disputed: settle the dispute (quality, "
                    + "quantity or price) with evidence of delivery and acceptance, or by a credit note, before pressing for payment");
        }
        return switch (s.stage()) {
            case PRE_DUE -> reminder(s);
            case DPD_1_30 -> new NextAction(Kind.PHONE_EMAIL_SMS, s.asOf(), "Phone first, then e-mail the statement with the "
                    + "contract's payment clause, then SMS; point out the effect on the customer's credit rating and offer a small "
                    + "incentive for paying today");
            case DPD_31_90 -> s.lastLetterDelivered() != null && !s.lastLetterDelivered().isBefore(s.oldestOverdueDueDate())
                    ? new NextAction(Kind.LAWYERS_LETTER_OR_MEDIATION, s.asOf(), "The dunning letter was delivered on "
                    + s.lastLetterDelivered() + ": announce the lawyer's letter if nothing is paid this week, or bring in a trade "
                    + "association or chamber of commerce to mediate")
                    : new NextAction(Kind.VISIT_WITH_DUNNING_LETTER, s.asOf(), "Visit with sales and legal and hand over a stamped "
                    + "dunning letter stating the days overdue, the amount and the late fee; send it by tracked courier and keep "
                    + "the waybill and the proof of delivery");
            case DPD_91_PLUS -> new NextAction(Kind.SUE_WITH_PRESERVATION, s.asOf(), "Fix the evidence (notarise chats and "
                    + "e-mails), collect asset leads, and sue with pre-suit property preservation, or file a claim if the customer "
                    + "is bankrupt");
        };
    }

    /** Tier A 7 days before the due date, B 3 days, C 10 days; a customer without a tier is reminded as B (normal). */
    private static NextAction reminder(Situation s) {
        ReminderTier tier = s.tier() == null ? ReminderTier.B : s.tier();
        return switch (tier) {
            case A -> new NextAction(Kind.SENIOR_CONTACT_CALL, remindOn(s, 7), "Tier A: a senior sales contact calls about the "
                    + "payment due on " + s.nextDueDate() + ", stressing the value of the partnership and the usual payment practice");
            case B -> new NextAction(Kind.FRIENDLY_REMINDER, remindOn(s, 3), "Tier B: the account manager sends a friendly "
                    + "reminder of the payment due on " + s.nextDueDate() + " with the latest statement");
            case C -> new NextAction(Kind.SMS_REMINDER, remindOn(s, 10), "Tier C: an automatic SMS reminds the customer of the "
                    + "payment due on " + s.nextDueDate());
        };
    }

    /** The day the reminder is due, or today if that day has passed. */
    private static LocalDate remindOn(Situation s, int daysBefore) {
        LocalDate on = s.nextDueDate().minusDays(daysBefore);
        return on.isBefore(s.asOf()) ? s.asOf() : on;
    }
}
