package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What is still open on one invoice term, by component. Changed only by event-sourcing handlers. */
final class OpenTerm {

    final String invoiceId;
    final String termId;
    final LocalDate issuedOn;
    final LocalDate dueDate;
    final String currency;
    private final Map<Component, Money> open = new EnumMap<>(Component.class);

    OpenTerm(String invoiceId, String termId, LocalDate issuedOn, LocalDate dueDate, Money principal) {
        this.invoiceId = invoiceId;
        this.termId = termId;
        this.issuedOn = issuedOn;
        this.dueDate = dueDate;
        this.currency = principal.currency();
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

    void settle(Allocation allocation) {
        open.merge(allocation.component(), allocation.amount().negate(), Money::plus);
    }

    void reopen(Allocation allocation) {
        open.merge(allocation.component(), allocation.amount(), Money::plus);
    }

    /** Value equality, so Axon's fixtures can check that replaying the events gives the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpenTerm other && invoiceId.equals(other.invoiceId) && termId.equals(other.termId)
                && issuedOn.equals(other.issuedOn) && dueDate.equals(other.dueDate) && open.equals(other.open);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, termId, dueDate);
    }
}
