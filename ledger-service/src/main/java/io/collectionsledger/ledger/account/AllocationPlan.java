package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sets money dated {@code on} against open terms in the legal order (PRC Civil Code art. 560–561):
 * among debts the one due first, and within a debt the costs of collecting it, then late fees, then
 * principal. A receivable issued after the money's date was no debt on that date: the money waits
 * for it as credit, so the debts of its date come first, then the later ones in the order they
 * were issued. Late fees count as owed only as far as they had accrued by the day before the money's
 * date: fees recorded for later days (before a payment dated back was known) are not yet a debt on
 * that date, and fees that money dated later had paid are, which moves that money to the principal.
 * Works on a copy of what is open, so several allocations for one command see each other.
 */
final class AllocationPlan {

    private static final Comparator<OpenTerm> DUE_FIRST = Comparator
            .comparing((OpenTerm t) -> t.dueDate)
            .thenComparing(t -> t.issuedOn)
            .thenComparing(t -> t.invoiceId)
            .thenComparing(t -> t.termId);

    private final List<Due> dues = new ArrayList<>();

    /** Everything open is owed: a write-off takes the whole of a receivable. */
    AllocationPlan(Collection<OpenTerm> terms, String currency, LocalDate on) {
        this(terms, currency, on, term -> term.open(Component.LATE_FEES));
    }

    /** @param lateFeesOwed the late fees of each term owed on {@code on} and not yet paid, at most those open */
    AllocationPlan(Collection<OpenTerm> terms, String currency, LocalDate on, Function<OpenTerm, Money> lateFeesOwed) {
        terms.stream()
                .filter(t -> t.currency.equals(currency))
                .sorted(Comparator.comparing((OpenTerm t) -> t.settledByMoneyOf(on)).thenComparing(DUE_FIRST))
                .forEach(t -> dues.add(new Due(t, lateFeesOwed.apply(t))));
    }

    /** Allocates up to {@code amount} against the given invoice (or any, when null); returns what was allocated. */
    List<Allocation> allocate(Money amount, String invoiceId) {
        List<Allocation> allocations = new ArrayList<>();
        Money left = amount;
        for (Due due : dues) {
            if (invoiceId != null && !due.term.invoiceId.equals(invoiceId)) {
                continue;
            }
            for (Component component : Component.values()) {
                Money take = left.min(due.open.get(component));
                if (take.signum() > 0) {
                    allocations.add(new Allocation(due.term.invoiceId, due.term.termId, component, take));
                    due.open.merge(component, take.negate(), Money::plus);
                    left = left.minus(take);
                }
            }
        }
        return allocations;
    }

    Money openOn(String invoiceId, String currency) {
        return dues.stream()
                .filter(d -> d.term.invoiceId.equals(invoiceId))
                .flatMap(d -> d.open.values().stream())
                .reduce(Money.zero(currency), Money::plus);
    }

    static Money total(List<Allocation> allocations, String currency) {
        return allocations.stream().map(Allocation::amount).reduce(Money.zero(currency), Money::plus);
    }

    private static final class Due {
        final OpenTerm term;
        final Map<Component, Money> open = new EnumMap<>(Component.class);

        Due(OpenTerm term, Money lateFeesOwed) {
            this.term = term;
            for (Component component : Component.values()) {
                open.put(component, term.open(component));
            }
            open.put(Component.LATE_FEES, lateFeesOwed);
            // fees that money dated later had paid, taken over by this money, move that money to the principal
            Money takenOver = lateFeesOwed.minus(term.open(Component.LATE_FEES));
            if (takenOver.signum() > 0) {
                open.put(Component.PRINCIPAL, term.open(Component.PRINCIPAL).minus(takenOver.min(term.open(Component.PRINCIPAL))));
            }
        }
    }
}
