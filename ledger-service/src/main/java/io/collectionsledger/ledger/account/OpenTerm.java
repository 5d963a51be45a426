package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** What is still open on one invoice term, by component. Changed only by event-sourcing handlers. */
@SnapshotState
final class OpenTerm {

    final String invoiceId;
    final String termId;
    final LocalDate issuedOn;
    final LocalDate dueDate;
    final String currency;
    /** What the term asked for, the base of the late-fee caps. */
    final Money principal;
    @JsonDeserialize(as = EnumMap.class)
    private final Map<Component, Money> open = new EnumMap<>(Component.class);
    /**
     * How the open principal changed, by the business date of the fact that changed it (a payment
     * dated last week counts from last week): the legal cap is taken on each day's open principal.
     */
    private final NavigableMap<LocalDate, Money> principalChanges = new TreeMap<>();
    /** How the total open changed, by business date, from the principal on the issue date: what was open at the end of any day. */
    private final NavigableMap<LocalDate, Money> openChanges = new TreeMap<>();
    /** Time-produced state: the stages entered, each on its day (none withdrawn), and late fees accrued so far and through which day. */
    @JsonDeserialize(as = EnumMap.class)
    private final Map<CollectionStage, LocalDate> stagesEntered = new EnumMap<>(CollectionStage.class);
    private Money lateFeesAccrued;
    private LocalDate accruedThrough;
    /**
     * The fees recorded (accrued less taken back) by the business date of the event that recorded them, with the last day
     * counted by then: what a report as of any day finds recorded.
     */
    private final NavigableMap<LocalDate, FeesRecorded> feesRecordedOn = new TreeMap<>();
    /** The earliest business date of a change of principal recorded after fees had been fixed for it: the fixes from it are judged again. */
    private LocalDate principalChangedBack;
    /** The fees paid by the business date of the money that paid them (less what was reopened or became credit): what was paid by any day. */
    private final NavigableMap<LocalDate, Money> feesPaidOn = new TreeMap<>();
    /** Counts the changes of the state above: what is derived from it is kept until the next ({@link Derived}). */
    @JsonIgnore
    private long changes;
    @JsonIgnore
    private final Derived<Object, Optional<LocalDate>> nextStageChange = new Derived<>();
    @JsonIgnore
    private final Derived<FeeInputs, AccruingLateFees> accruingLateFees = new Derived<>();
    @JsonIgnore
    private final Derived<FeeInputs, Optional<LocalDate>> firstFeeDayDue = new Derived<>();
    @JsonIgnore
    private final Derived<HoldInputs, List<OrderHolds.Hold>> longOverdue = new Derived<>();

    private record FeeInputs(LateFeeTerms terms, LegalLateFeeCaps legalCaps) {
    }

    /** Fees recorded on one business date, net, and the last day counted by the fees recorded through that date. */
    record FeesRecorded(Money amount, LocalDate through) {
    }

    private record HoldInputs(LocalDate writtenOffOn, int daysPastDue) {
    }

    @JsonCreator
    OpenTerm(@JsonProperty("invoiceId") String invoiceId, @JsonProperty("termId") String termId, @JsonProperty("issuedOn") LocalDate issuedOn,
             @JsonProperty("dueDate") LocalDate dueDate, @JsonProperty("principal") Money principal) {
        this.invoiceId = invoiceId;
        this.termId = termId;
        this.issuedOn = issuedOn;
        this.dueDate = dueDate;
        this.currency = principal.currency();
        this.principal = principal;
        this.lateFeesAccrued = Money.zero(currency);
        for (Component component : Component.values()) {
            open.put(component, Money.zero(currency));
        }
        open.put(Component.PRINCIPAL, principal);
        openChanges.put(issuedOn, principal);
    }

    Money open(Component component) {
        return open.get(component);
    }

    Money totalOpen() {
        return open.values().stream().reduce(Money.zero(currency), Money::plus);
    }

    boolean settled() {
        return totalOpen().signum() == 0;
    }

    /** The day money dated {@code day} settles this term: not before the term was issued. */
    LocalDate settledByMoneyOf(LocalDate day) {
        return issuedOn.isAfter(day) ? issuedOn : day;
    }

    long daysPastDue(LocalDate day) {
        return ChronoUnit.DAYS.between(dueDate, day);
    }

    /** What was open at the end of {@code day}, after every fact dated that day or before: nothing before the term was issued. */
    Money openOn(LocalDate day) {
        return openChanges.headMap(day, true).values().stream().reduce(Money.zero(currency), Money::plus);
    }

    /** The days on which what is open changed, in order. */
    NavigableMap<LocalDate, Money> openChanges() {
        return openChanges;
    }

    boolean overdueOn(LocalDate day) {
        return daysPastDue(day) > 0 && !settled();
    }

    /** The term's late fees as they accrue day by day under the contract's terms and the legal cap's schedule. */
    AccruingLateFees accruingLateFees(LateFeeTerms terms, LegalLateFeeCaps legalCaps) {
        return accruingLateFees.get(changes, new FeeInputs(terms, legalCaps),
                in -> new AccruingLateFees(dueDate, principal, principalChanges, in.terms(), in.legalCaps()));
    }

    /**
     * The first day a close must do anything about the term's late fees: fix them ({@link #nextAccrualDay}),
     * or, when a payment dated back has lowered the cap under fees already recorded, take them back (due at
     * once, whatever the close's day).
     */
    Optional<LocalDate> firstFeeDayDue(LateFeeTerms terms, LegalLateFeeCaps legalCaps) {
        return firstFeeDayDue.get(changes, new FeeInputs(terms, legalCaps), in -> {
            AccruingLateFees fees = accruingLateFees(in.terms(), in.legalCaps());
            return LateFees.correction(this, fees).isPresent() || !LateFees.restatements(this, fees).isEmpty() ? Optional.of(dueDate)
                    : nextAccrualDay(in.terms(), fees);
        });
    }

    /** The first day a close would record anything on the term's stages ({@link StageEntries#nextChange}). */
    Optional<LocalDate> nextStageChange() {
        return nextStageChange.get(changes, null, none -> StageEntries.nextChange(this));
    }

    /** The spans the term was long overdue under the invoice's write-off day and the policy's days ({@link OrderHolds}). */
    List<OrderHolds.Hold> longOverdue(LocalDate writtenOffOn, int daysPastDue, Function<OpenTerm, List<OrderHolds.Hold>> compute) {
        return longOverdue.get(changes, new HoldInputs(writtenOffOn, daysPastDue), in -> List.copyOf(compute.apply(this)));
    }

    /**
     * The next day the close must fix the term's late fees: the last day of the month the unrecorded days
     * begin in, or the day the fees reach the contract's cap at the principal open now, if earlier. Fees
     * accrue in amount every day, but a quiet day fixes nothing, so the term is not due on it.
     */
    Optional<LocalDate> nextAccrualDay(LateFeeTerms terms, AccruingLateFees fees) {
        return LateFees.nextFixDay(this, terms, fees, lateFeesAccrued, accruedThrough);
    }

    /** The last stage entered, or null. */
    CollectionStage stage() {
        return stagesEntered.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
    }

    /** The stages entered, each with the day it was entered on. */
    Map<CollectionStage, LocalDate> stagesEntered() {
        return stagesEntered;
    }

    /**
     * The late fees money dated {@code on} pays before principal: those owed through the day before, less those paid by money
     * dated by then. Fees recorded for later days (a payment dated back arriving after a close fixed them) are not owed on that
     * date, and a payment that principal was lowered by no longer owes fees on it. Fees that money dated later, recorded
     * before, paid are owed all the same, as far as that money can pay the term's principal instead
     * ({@link Payments#takeOverFeesPaidLater}); otherwise within those open.
     */
    Money lateFeesOwedOn(LocalDate on, AccruingLateFees fees) {
        Money paidLater = feesPaidAfter(on);
        if (open(Component.LATE_FEES).signum() <= 0 && paidLater.signum() <= 0) {
            // most terms a payment meets have no fees open: no need to walk their days
            return Money.zero(currency);
        }
        Money owed = fees.owedThrough(on.minusDays(1)).minus(feesPaidBy(on));
        Money payable = open(Component.LATE_FEES).plus(paidLater.signum() > 0 ? paidLater.min(open(Component.PRINCIPAL)) : Money.zero(currency));
        return owed.signum() <= 0 ? Money.zero(currency) : owed.min(payable);
    }

    Money lateFeesAccrued() {
        return lateFeesAccrued;
    }

    LocalDate accruedThrough() {
        return accruedThrough;
    }

    /** Settles what the allocation names; a change of principal counts from {@code on}, its business date. */
    void settle(Allocation allocation, LocalDate on) {
        change(allocation.component(), allocation.amount().negate(), on);
        if (allocation.component() == Component.LATE_FEES) {
            feesPaidOn.merge(on, allocation.amount(), Money::plus);
        }
    }

    void reopen(Allocation allocation, LocalDate on) {
        change(allocation.component(), allocation.amount(), on);
        if (allocation.component() == Component.LATE_FEES) {
            feesPaidOn.merge(on, allocation.amount().negate(), Money::plus);
        }
    }

    private void change(Component component, Money amount, LocalDate on) {
        changes++;
        open.merge(component, amount, Money::plus);
        openChanges.merge(on, amount, Money::plus);
        if (component == Component.PRINCIPAL) {
            principalChanges.merge(on, amount, Money::plus);
            if (accruedThrough != null && !on.isAfter(accruedThrough) && (principalChangedBack == null || on.isBefore(principalChangedBack))) {
                principalChangedBack = on;
            }
        }
    }

    void reach(CollectionStage reached, LocalDate on) {
        changes++;
        stagesEntered.put(reached, on);
    }

    void withdraw(CollectionStage entered) {
        changes++;
        stagesEntered.remove(entered);
    }

    /** Late fees accrued (recorded on {@code on}) are owed like any other component, and the next accrual starts the day after. */
    void accrue(LateFeeAccrual accrual, LocalDate on) {
        change(Component.LATE_FEES, accrual.amount(), accrual.accruedThrough());
        lateFeesAccrued = lateFeesAccrued.plus(accrual.amount());
        // a restatement accrues again for a day before the last one recorded (LateFees.restatements)
        accruedThrough = accruedThrough == null || accrual.accruedThrough().isAfter(accruedThrough) ? accrual.accruedThrough() : accruedThrough;
        feesRecordedOn.merge(on, new FeesRecorded(accrual.amount(), accrual.accruedThrough()),
                (was, more) -> new FeesRecorded(was.amount().plus(more.amount()), more.through()));
    }

    /**
     * Fees taken back (recorded on {@code on}) leave what was accrued; only the part not yet paid leaves what is open (the paid
     * part became credit).
     */
    void correct(LateFeeCorrection correction, LocalDate on) {
        changes++;
        open.merge(Component.LATE_FEES, correction.openTakenBack().negate(), Money::plus);
        openChanges.merge(correction.accruedThrough(), correction.openTakenBack().negate(), Money::plus);
        lateFeesAccrued = lateFeesAccrued.minus(correction.takenBack());
        feesPaidOn.merge(on, correction.credited().negate(), Money::plus);
        if (correction.takenBack().signum() != 0) {   // one that takes nothing back moves a payment of fees, not fees recorded
            feesRecordedOn.merge(on, new FeesRecorded(correction.takenBack().negate(), correction.accruedThrough()),
                    (was, less) -> new FeesRecorded(was.amount().plus(less.amount()), was.through()));
        }
    }

    /** The fees recorded by business date, from the earliest date a change of principal recorded later reaches back to; empty when none did. */
    NavigableMap<LocalDate, FeesRecorded> feesRecordedSincePrincipalChangedBack() {
        return principalChangedBack == null ? new TreeMap<>() : feesRecordedOn.tailMap(principalChangedBack, true);
    }

    /** The earliest business date of a change of principal recorded after fees had been fixed for it, or null: fixes from it are judged again. */
    LocalDate principalChangedBack() {
        return principalChangedBack;
    }

    /** The fees paid by money dated on or before {@code day}, net of what was reopened or became credit. */
    Money feesPaidBy(LocalDate day) {
        return feesPaidOn.headMap(day, true).values().stream().reduce(Money.zero(currency), Money::plus);
    }

    /** The fees paid by money dated after {@code day}, net. */
    Money feesPaidAfter(LocalDate day) {
        return feesPaidOn.tailMap(day, false).values().stream().reduce(Money.zero(currency), Money::plus);
    }

    /** The fees paid by money dated after {@code day}, by its date (a copy). */
    NavigableMap<LocalDate, Money> feesPaidAfterByDate(LocalDate day) {
        return new TreeMap<>(feesPaidOn.tailMap(day, false));
    }

    /** The fees recorded on business dates before {@code day}, net. */
    Money feesRecordedBefore(LocalDate day) {
        return feesRecordedOn.headMap(day, false).values().stream().map(FeesRecorded::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** Value equality, so Axon's fixtures can check that replaying the events gives the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpenTerm other && invoiceId.equals(other.invoiceId) && termId.equals(other.termId)
                && issuedOn.equals(other.issuedOn) && dueDate.equals(other.dueDate) && open.equals(other.open) && principalChanges.equals(other.principalChanges)
                && stagesEntered.equals(other.stagesEntered) && lateFeesAccrued.equals(other.lateFeesAccrued)
                && Objects.equals(accruedThrough, other.accruedThrough) && feesRecordedOn.equals(other.feesRecordedOn)
                && Objects.equals(principalChangedBack, other.principalChangedBack) && feesPaidOn.equals(other.feesPaidOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, termId, dueDate);
    }
}
