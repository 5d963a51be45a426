package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An issued invoice and its terms, as far as the account's rules need them. */
@SnapshotState
final class Invoice {

    final String invoiceId;
    /** The contract whose late-fee terms apply; null for a payment plan or an invoice without one. */
    final String contractId;
    final String currency;
    private final Map<String, OpenTerm> terms = new LinkedHashMap<>();
    private Money writtenOff;
    /** The day of the first write-off, from which the invoice is no longer pursued; null while none. */
    private LocalDate writtenOffOn;
    private Money recovered;

    Invoice(InvoiceIssued issued) {
        this(issued.invoiceId(), issued.contractId(), issued.amount().currency());
        issued.terms().forEach(t -> terms.put(t.termId(),
                new OpenTerm(invoiceId, t.termId(), issued.occurredOn(), t.dueDate(), t.amount())));
    }

    /** A payment plan: its installments are the terms, their agreed interest open beside the principal. */
    Invoice(PaymentPlanAgreed plan) {
        this(plan.planId(), null, plan.installments().get(0).principal().currency());
        for (Installment installment : plan.installments()) {
            OpenTerm term = new OpenTerm(invoiceId, installment.installmentId(), plan.occurredOn(), installment.dueDate(),
                    installment.principal());
            term.reopen(new Allocation(invoiceId, installment.installmentId(), Component.LATE_FEES, installment.interest()), plan.occurredOn());
            terms.put(installment.installmentId(), term);
        }
    }

    @JsonCreator
    private Invoice(@JsonProperty("invoiceId") String invoiceId, @JsonProperty("contractId") String contractId,
                    @JsonProperty("currency") String currency) {
        this.invoiceId = invoiceId;
        this.contractId = contractId;
        this.currency = currency;
        this.writtenOff = Money.zero(currency);
        this.recovered = Money.zero(currency);
    }

    Collection<OpenTerm> terms() {
        return terms.values();
    }

    boolean hasTerm(String termId) {
        return terms.containsKey(termId);
    }

    OpenTerm term(String termId) {
        return terms.get(termId);
    }

    Money open() {
        return terms.values().stream().map(OpenTerm::totalOpen).reduce(Money.zero(currency), Money::plus);
    }

    boolean writtenOff() {
        return writtenOff.signum() > 0;
    }

    /** What was written off and not yet recovered after. */
    Money recoverable() {
        return writtenOff.minus(recovered);
    }

    LocalDate writtenOffOn() {
        return writtenOffOn;
    }

    /** Whether the invoice was still pursued at the end of the day: not yet written off. */
    boolean pursuedOn(LocalDate day) {
        return writtenOffOn == null || day.isBefore(writtenOffOn);
    }

    void writeOff(Money amount, LocalDate on) {
        writtenOff = writtenOff.plus(amount);
        if (writtenOffOn == null || on.isBefore(writtenOffOn)) {
            writtenOffOn = on;
        }
    }

    void recover(Money amount) {
        recovered = recovered.plus(amount);
    }

    boolean overdueOn(LocalDate day) {
        return terms.values().stream().anyMatch(t -> t.overdueOn(day));
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
        return o instanceof Invoice other && invoiceId.equals(other.invoiceId) && terms.equals(other.terms)
                && writtenOff.equals(other.writtenOff) && Objects.equals(writtenOffOn, other.writtenOffOn) && recovered.equals(other.recovered);
    }

    @Override
    public int hashCode() {
        return invoiceId.hashCode();
    }
}
