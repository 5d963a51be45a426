package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Late fees on overdue terms: the contract's daily rate on each day's open principal from the day after
 * the due date, never above the contract's cap (a share of the term's principal) nor the legal cap (an
 * annual rate on the principal overdue on each day), computed by {@link AccruingLateFees}, the calculation
 * the read models share. Fees accrue in amount every day but are recorded only when an amount must be
 * fixed: at a month's end, the day the contract's cap is reached, and before a payment or credit is
 * allocated, a dunning letter or a statement states them, a credit note or a payment plan takes principal
 * off the term, or a receivable is written off.
 */
final class LateFees {

    private LateFees() {
    }

    /**
     * What the close of {@code day} fixes on the term: the fees through each month's end not yet recorded
     * and through the day the contract's cap is reached, each an accrual through its day (zero when the
     * days cost less than a cent, so the next run starts after them); nothing on a quiet day in the middle
     * of a month.
     */
    static List<LateFeeAccrual> fixedByClose(OpenTerm term, LateFeeTerms terms, LegalLateFeeCaps legalCaps, LocalDate day) {
        AccruingLateFees fees = term.accruingLateFees(terms, legalCaps);
        List<LateFeeAccrual> fixed = new ArrayList<>();
        Money recorded = term.lateFeesAccrued();
        LocalDate through = term.accruedThrough();
        for (Optional<LocalDate> fixOn = nextFixDay(term, terms, fees, recorded, through);
             fixOn.isPresent() && !fixOn.get().isAfter(day);
             fixOn = nextFixDay(term, terms, fees, recorded, through)) {
            AccruingLateFees.Accrued accrued = fees.after(recorded, through, fixOn.get());
            fixed.add(accrual(term, accrued));
            recorded = recorded.plus(accrued.amount());
            through = fixOn.get();
        }
        return fixed;
    }

    /**
     * The next day the close must fix fees on the term, given those recorded through {@code through}: the
     * last day of the month the unrecorded days begin in, or the day the fees reach the contract's cap if
     * earlier. Empty once the fees are at the contract's cap, when the rate is zero, or when no principal
     * is open.
     */
    static Optional<LocalDate> nextFixDay(OpenTerm term, LateFeeTerms terms, AccruingLateFees fees, Money recorded, LocalDate through) {
        if (terms.dailyRatePercent().signum() == 0 || !fees.contractCap().exceeds(recorded)) {
            return Optional.empty();
        }
        // every fact that takes the principal to nothing (a payment, credit applied, a credit note, a plan, a write-off)
        // fixes the fees before it, so a term with no principal open has nothing left to fix; one paid in a database
        // written before fees were fixed this way keeps the fees it was charged then
        if (term.open(Component.PRINCIPAL).signum() <= 0) {
            return Optional.empty();
        }
        LocalDate firstUnrecorded = through == null || through.isBefore(term.dueDate) ? term.dueDate.plusDays(1) : through.plusDays(1);
        LocalDate monthEnd = firstUnrecorded.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate capReached = fees.after(recorded, through, monthEnd).capReachedOn();
        return Optional.of(capReached != null && capReached.isBefore(monthEnd) ? capReached : monthEnd);
    }

    /**
     * The fees accrued and not yet recorded on the terms of {@code invoices} that {@code which} names, through the day before, fixed
     * by a fact of {@code on} that must see or state them: the day before a payment, a letter, a statement,
     * a credit note, a plan or a write-off (its own day accrues on what it leaves open).
     */
    static Optional<LateFeesAccrued> fixedBefore(String customerId, LocalDate on, Collection<Invoice> invoices, Predicate<OpenTerm> which,
                                                 Function<Invoice, LateFeeTerms> lateFeeTerms, LegalLateFeeCaps legalCaps) {
        List<LateFeeAccrual> accruals = new ArrayList<>();
        termsBearingLateFees(invoices, lateFeeTerms, (term, terms) -> {
            if (which.test(term)) {
                AccruingLateFees.Accrued accrued = term.accruingLateFees(terms, legalCaps).after(term.lateFeesAccrued(), term.accruedThrough(), on.minusDays(1));
                // on a term whose fixes a change of principal dated back makes wrong, the money pays what is owed through the day
                // before, so that day is fixed even when nothing more is owed: the close restates the fixes up to it
                if (accrued.amount().signum() > 0 || accrued.days() > 0 && term.principalChangedBack() != null) {
                    accruals.add(accrual(term, accrued));
                }
            }
        });
        return accruals.isEmpty() ? Optional.empty() : Optional.of(new LateFeesAccrued(customerId, on, accruals));
    }

    /**
     * What must be taken back when the fees recorded on the term (net of earlier corrections) are
     * above what is owed through the last day they were accrued for: fees accrued under an earlier
     * rule (above the caps, or rounded day by day), or on principal a payment recorded later had
     * already paid on those days.
     */
    static Optional<LateFeeCorrection> correction(OpenTerm term, AccruingLateFees fees) {
        if (term.accruedThrough() == null) {
            return Optional.empty();
        }
        Money owed = fees.owedThrough(term.accruedThrough());
        Money recorded = term.lateFeesAccrued();
        if (!recorded.exceeds(owed)) {
            return Optional.empty();
        }
        Money takenBack = recorded.minus(owed);
        Money credited = takenBack.minus(takenBack.min(term.open(Component.LATE_FEES)));
        return Optional.of(new LateFeeCorrection(term.invoiceId, term.termId, term.accruedThrough(), recorded, owed, takenBack, credited));
    }

    /** A correction or an accrual dated the business date of the fees it restates; one of the two. */
    record Restated(LocalDate on, LateFeeCorrection correction, LateFeeAccrual accrual) {
    }

    /**
     * What a change of principal recorded later, dated before days fees had been fixed for (a payment keyed in late), makes
     * wrong in them. On each business date fees were recorded on from the change's date, the fees recorded by then are set
     * to those owed through the last day then counted, by a correction when above or an accrual when below (after a
     * correction before it, or a change that raised the principal). On each date from the change's that money paid fees, what
     * money dated by then had paid above the fees owed through the day before becomes credit, on that date (in a correction
     * taking nothing back when no fees are restated then): the money paid fees that were not owed. So a report as of any day
     * finds the fees owed and paid as the facts' business dates have them, and the days from the change are judged again like
     * its stages and holds. Empty when no change reached back or nothing is wrong.
     */
    static List<Restated> restatements(OpenTerm term, AccruingLateFees fees) {
        NavigableMap<LocalDate, OpenTerm.FeesRecorded> since = term.feesRecordedSincePrincipalChangedBack();
        if (since.isEmpty()) {
            return List.of();
        }
        LocalDate changedBack = term.principalChangedBack();
        NavigableSet<LocalDate> days = new TreeSet<>(since.keySet());
        days.addAll(term.feesPaidAfterByDate(changedBack.minusDays(1)).keySet());
        List<Restated> restated = new ArrayList<>();
        Money zero = Money.zero(term.currency);
        Money recorded = term.feesRecordedBefore(changedBack);
        Money credited = zero;
        LocalDate through = null;
        for (LocalDate on : days) {
            Money paidAbove = term.feesPaidBy(on).minus(credited).minus(fees.owedThrough(on.minusDays(1)));
            Money credit = paidAbove.signum() > 0 ? paidAbove : zero;
            credited = credited.plus(credit);
            OpenTerm.FeesRecorded fixed = since.get(on);
            if (fixed == null) {
                if (credit.signum() > 0) {
                    restated.add(new Restated(on, new LateFeeCorrection(term.invoiceId, term.termId, on, recorded, recorded, zero, credit), null));
                }
                continue;
            }
            recorded = recorded.plus(fixed.amount());
            through = through == null || fixed.through().isAfter(through) ? fixed.through() : through;
            Money owed = fees.owedThrough(through);
            Money takenBack = recorded.exceeds(owed) ? recorded.minus(owed) : zero;
            if (takenBack.signum() > 0 || credit.signum() > 0) {
                restated.add(new Restated(on, new LateFeeCorrection(term.invoiceId, term.termId, through, recorded, owed, takenBack, credit), null));
            }
            if (owed.exceeds(recorded)) {
                restated.add(new Restated(on, null, new LateFeeAccrual(term.invoiceId, term.termId, owed.minus(recorded), 0, through, false)));
            }
            recorded = owed;
        }
        return restated;
    }

    /** The terms of invoices under a contract with late-fee terms, not written off, each with those terms. */
    static void termsBearingLateFees(Collection<Invoice> invoices, Function<Invoice, LateFeeTerms> lateFeeTerms,
                                     BiConsumer<OpenTerm, LateFeeTerms> action) {
        for (Invoice invoice : invoices) {
            LateFeeTerms terms = lateFeeTerms.apply(invoice);
            if (!invoice.writtenOff() && terms != null) {
                invoice.terms().forEach(term -> action.accept(term, terms));
            }
        }
    }

    private static LateFeeAccrual accrual(OpenTerm term, AccruingLateFees.Accrued accrued) {
        return new LateFeeAccrual(term.invoiceId, term.termId, accrued.amount(), accrued.days(), accrued.accruedThrough(),
                accrued.capped());
    }
}
