package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.shared.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An issued invoice and its terms, as far as the account's rules need them. */
final class Invoice {

    final String invoiceId;
    final String currency;
    final Map<String, OpenTerm> terms = new LinkedHashMap<>();

    Invoice(InvoiceIssued issued) {
        this.invoiceId = issued.invoiceId();
        this.currency = issued.amount().currency();
        issued.terms().forEach(t -> terms.put(t.termId(),
                new OpenTerm(invoiceId, t.termId(), issued.occurredOn(), t.dueDate(), t.amount())));
    }

    Money openPrincipal() {
        return terms.values().stream().map(t -> t.open(Component.PRINCIPAL)).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * Where a credit note of {@code amount} goes: the named term, or else the latest-due terms
     * first, so what fell due earliest stays owed. Principal only: a credit note reduces the price.
     */
    List<Allocation> creditNoteReductions(Money amount, String termId) {
        List<OpenTerm> candidates = new ArrayList<>(terms.values());
        candidates.sort(Comparator.comparing((OpenTerm t) -> t.dueDate).thenComparing(t -> t.termId).reversed());
        List<Allocation> reductions = new ArrayList<>();
        Money left = amount;
        for (OpenTerm term : candidates) {
            if (termId != null && !term.termId.equals(termId)) {
                continue;
            }
            Money take = left.min(term.open(Component.PRINCIPAL));
            if (take.signum() > 0) {
                reductions.add(new Allocation(invoiceId, term.termId, Component.PRINCIPAL, take));
                left = left.minus(take);
            }
        }
        return reductions;
    }

    /** Value equality, so Axon's fixtures can check that replaying the events gives the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Invoice other && invoiceId.equals(other.invoiceId) && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return invoiceId.hashCode();
    }
}
