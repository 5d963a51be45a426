package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.LateFeeAccrual;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, day);
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

    /**
     * The next day late fees accrue on the term while principal is open on it: the day after the last
     * one accrued, or the first day past due. Fees are recorded for every day closed, so a term
     * accruing them is due again each day until it is paid.
     */
    Optional<LocalDate> nextAccrualDay() {
        if (settled() || open(Component.PRINCIPAL).signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(accruedThrough == null ? dueDate.plusDays(1) : accruedThrough.plusDays(1));
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

    void settle(Allocation allocation) {
        open.merge(allocation.component(), allocation.amount().negate(), Money::plus);
    }

    void reopen(Allocation allocation) {
        open.merge(allocation.component(), allocation.amount(), Money::plus);
    }

    void reach(CollectionStage reached) {
        stage = reached;
    }

    /** Late fees accrued are owed like any other component, and the next accrual starts the day after. */
    void accrue(LateFeeAccrual accrual) {
        reopen(new Allocation(invoiceId, termId, Component.LATE_FEES, accrual.amount()));
        lateFeesAccrued = lateFeesAccrued.plus(accrual.amount());
        accruedThrough = accrual.accruedThrough();
    }

    /** Value equality, so Axon's fixtures can check that replaying the events gives the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpenTerm other && invoiceId.equals(other.invoiceId) && termId.equals(other.termId)
                && issuedOn.equals(other.issuedOn) && dueDate.equals(other.dueDate) && open.equals(other.open)
                && stage == other.stage && lateFeesAccrued.equals(other.lateFeesAccrued)
                && Objects.equals(accruedThrough, other.accruedThrough);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, termId, dueDate);
    }
}
