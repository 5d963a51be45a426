package io.collectionsledger.ledger.account;

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
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** What is still open on one invoice term, by component. Changed only by event-sourcing handlers. */
final class OpenTerm {

    final String invoiceId;
    final String termId;
    final LocalDate issuedOn;
    final LocalDate dueDate;
    final String currency;
    /** What the term asked for, the base of the late-fee caps. */
    final Money principal;
    private final Map<Component, Money> open = new EnumMap<>(Component.class);
    /**
     * How the open principal changed, by the business date of the fact that changed it (a payment
     * dated last week counts from last week): the legal cap is taken on each day's open principal.
     */
    private final NavigableMap<LocalDate, Money> principalChanges = new TreeMap<>();
    /** Time-produced state: the last stage reached, and late fees accrued so far and through which day. */
    private CollectionStage stage;
    private Money lateFeesAccrued;
    private LocalDate accruedThrough;

    OpenTerm(String invoiceId, String termId, LocalDate issuedOn, LocalDate dueDate, Money principal) {
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

    boolean overdueOn(LocalDate day) {
        return daysPastDue(day) > 0 && !settled();
    }

    /** The day the term, while open, enters the next collection stage it has not reached; empty once settled or in the last. */
    Optional<LocalDate> nextStageDay() {
        if (settled()) {
            return Optional.empty();
        }
        for (CollectionStage next : CollectionStage.values()) {
            if (stage == null || stage.compareTo(next) < 0) {
                return Optional.of(dueDate.plusDays(Math.max(1, next.firstDay())));
            }
        }
        return Optional.empty();
    }

    /** The term's late fees as they accrue day by day under the contract's terms and the legal cap's schedule. */
    AccruingLateFees accruingLateFees(LateFeeTerms terms, LegalLateFeeCaps legalCaps) {
        return new AccruingLateFees(dueDate, principal, principalChanges, terms, legalCaps);
    }

    /**
     * The next day the close must fix the term's late fees: the last day of the month the unrecorded days
     * begin in, or the day the fees reach the contract's cap at the principal open now, if earlier. Fees
     * accrue in amount every day, but a quiet day fixes nothing, so the term is not due on it.
     */
    Optional<LocalDate> nextAccrualDay(LateFeeTerms terms, LegalLateFeeCaps legalCaps) {
        return LateFees.nextFixDay(this, terms, accruingLateFees(terms, legalCaps), lateFeesAccrued, accruedThrough);
    }

    CollectionStage stage() {
        return stage;
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
    }

    void reopen(Allocation allocation, LocalDate on) {
        change(allocation.component(), allocation.amount(), on);
    }

    private void change(Component component, Money amount, LocalDate on) {
        open.merge(component, amount, Money::plus);
        if (component == Component.PRINCIPAL) {
            principalChanges.merge(on, amount, Money::plus);
        }
    }

    void reach(CollectionStage reached) {
        stage = reached;
    }

    /** Late fees accrued are owed like any other component, and the next accrual starts the day after. */
    void accrue(LateFeeAccrual accrual) {
        reopen(new Allocation(invoiceId, termId, Component.LATE_FEES, accrual.amount()), accrual.accruedThrough());
        lateFeesAccrued = lateFeesAccrued.plus(accrual.amount());
        accruedThrough = accrual.accruedThrough();
    }

    /** Fees taken back leave what was accrued; only the part not yet paid leaves what is open (the paid part became credit). */
    void correct(LateFeeCorrection correction) {
        open.merge(Component.LATE_FEES, correction.openTakenBack().negate(), Money::plus);
        lateFeesAccrued = lateFeesAccrued.minus(correction.takenBack());
    }

    /** Value equality, so Axon's fixtures can check that replaying the events gives the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpenTerm other && invoiceId.equals(other.invoiceId) && termId.equals(other.termId)
                && issuedOn.equals(other.issuedOn) && dueDate.equals(other.dueDate) && open.equals(other.open) && principalChanges.equals(other.principalChanges)
                && stage == other.stage && lateFeesAccrued.equals(other.lateFeesAccrued)
                && Objects.equals(accruedThrough, other.accruedThrough);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, termId, dueDate);
    }
}
