package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.ClassifyReceivable;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.CollectionStageWithdrawn;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The customer's receivables: invoices with their terms (a payment plan is one too: its
 * installments replace the covered due dates), and what credit notes, write-offs and recoveries
 * after write-off did to them. Every fact that settles or reopens a term lands here.
 */
final class Invoices {

    private final Contracts contracts;
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Ids creditNotes = new Ids("credit note");
    private final Ids writeOffs = new Ids("write-off");
    private final Ids recoveries = new Ids("recovery");

    Invoices(Contracts contracts) {
        this.contracts = contracts;
    }

    @CommandHandler
    void handle(IssueInvoice command) {
        Ids.requireUnused(invoices.containsKey(command.invoiceId()), "invoice", command.invoiceId());
        contracts.requireKnown(command.contractId(), command.customerId());
        command.deliveryIds().forEach(deliveryId -> contracts.requireDelivered(deliveryId, command.customerId()));
        List<InvoiceTerm> terms = command.terms().isEmpty() ? contracts.stagedTerms(command) : command.terms();
        Money total = Money.zero(command.amount().currency());
        for (InvoiceTerm term : terms) {
            if (!term.amount().currency().equals(command.amount().currency())) {
                throw new RuleViolation(Rule.CURRENCY_MISMATCH, "term " + term.termId() + " is in "
                        + term.amount().currency() + ", the invoice in " + command.amount().currency());
            }
            total = total.plus(term.amount());
        }
        if (!total.equals(command.amount())) {
            throw new RuleViolation(Rule.TERMS_DO_NOT_ADD_UP, "the terms add up to " + total + ", the invoice is for " + command.amount());
        }
        apply(new InvoiceIssued(command.customerId(), command.invoiceId(), command.contractId(), command.occurredOn(),
                command.amount(), terms, command.deliveryIds(), command.documentRef()));
    }

    @CommandHandler
    void handle(IssueCreditNote command, CollectionPolicy policy) {
        Invoice invoice = known(command.invoiceId(), command.customerId());
        creditNotes.requireUnused(command.creditNoteId());
        requireCurrency(invoice.currency, command.amount());
        if (command.termId() != null && !invoice.hasTerm(command.termId())) {
            throw new RuleViolation(Rule.UNKNOWN_TERM, "invoice " + invoice.invoiceId + " has no term " + command.termId());
        }
        List<Allocation> reductions = invoice.creditNoteReductions(command.amount(), command.termId());
        // a credit note takes principal off the terms it reduces: the fees accrued on them before are fixed first
        Set<String> reduced = reductions.stream().map(Allocation::termId).collect(Collectors.toSet());
        fixLateFeesBefore(command.customerId(), command.occurredOn(), List.of(invoice), term -> reduced.contains(term.termId), policy);
        Money open = AllocationPlan.total(reductions, invoice.currency);
        if (command.amount().exceeds(open)) {
            String what = command.termId() == null ? "invoice " + invoice.invoiceId : "term " + command.termId() + " of invoice " + invoice.invoiceId;
            throw new RuleViolation(Rule.CREDIT_NOTE_EXCEEDS_OPEN_AMOUNT, "a credit note of " + command.amount()
                    + " exceeds the " + open + " still open on " + what);
        }
        apply(new CreditNoteIssued(command.customerId(), command.invoiceId(), command.creditNoteId(), command.occurredOn(),
                command.amount(), command.reason(), reductions));
    }

    @CommandHandler
    void handle(ClassifyReceivable command) {
        known(command.invoiceId(), command.customerId());
        apply(new ReceivableClassified(command.customerId(), command.invoiceId(), command.occurredOn(), command.receivableClass(),
                command.reason()));
    }

    @CommandHandler
    void handle(WriteOffReceivable command, CollectionPolicy policy) {
        Invoice invoice = known(command.invoiceId(), command.customerId());
        writeOffs.requireUnused(command.writeOffId());
        // the fees accrued before the write-off are fixed first: a written-off receivable accrues none, and the write-off may take them
        fixLateFeesBefore(command.customerId(), command.occurredOn(), List.of(invoice), policy);
        requireCurrency(invoice.currency, command.amount());
        if (command.amount().exceeds(invoice.open())) {
            throw new RuleViolation(Rule.WRITE_OFF_EXCEEDS_OPEN_AMOUNT, "writing off " + command.amount() + " exceeds the "
                    + invoice.open() + " open on invoice " + invoice.invoiceId);
        }
        List<Allocation> writtenOff = new AllocationPlan(invoice.terms(), invoice.currency, command.occurredOn())
                .allocate(command.amount(), invoice.invoiceId);
        apply(new ReceivableWrittenOff(command.customerId(), command.invoiceId(), command.writeOffId(), command.occurredOn(),
                command.amount(), command.reason(), writtenOff));
    }

    @CommandHandler
    void handle(RecordRecoveryAfterWriteOff command) {
        Invoice invoice = known(command.invoiceId(), command.customerId());
        recoveries.requireUnused(command.recoveryId());
        if (!invoice.writtenOff()) {
            throw new RuleViolation(Rule.NOTHING_WRITTEN_OFF, "invoice " + invoice.invoiceId + " was not written off; record a payment instead");
        }
        requireCurrency(invoice.currency, command.amount());
        if (command.amount().exceeds(invoice.recoverable())) {
            throw new RuleViolation(Rule.RECOVERY_EXCEEDS_WRITTEN_OFF, "recovering " + command.amount() + " exceeds the "
                    + invoice.recoverable() + " written off and not yet recovered on invoice " + invoice.invoiceId);
        }
        apply(new RecoveryAfterWriteOffRecorded(command.customerId(), command.invoiceId(), command.recoveryId(), command.occurredOn(),
                command.amount(), command.reference()));
    }

    /**
     * Records the late fees accrued and not yet recorded on the terms of {@code which} through the day
     * before {@code on}: a payment or credit allocated, a letter or statement, or a write-off of that day
     * must see or state them (see {@link LateFees#fixedBefore}).
     */
    void fixLateFeesBefore(String customerId, LocalDate on, Collection<Invoice> which, CollectionPolicy policy) {
        fixLateFeesBefore(customerId, on, which, term -> true, policy);
    }

    private void fixLateFeesBefore(String customerId, LocalDate on, Collection<Invoice> which, Predicate<OpenTerm> terms, CollectionPolicy policy) {
        LateFees.fixedBefore(customerId, on, which, terms, invoice -> contracts.lateFeeTerms(invoice.contractId), policy.legalLateFeeCaps().recorded())
                .ifPresent(AggregateLifecycle::apply);
    }

    /**
     * The late fees of each term that money dated {@code on} pays before its principal: those owed through the day
     * before ({@link OpenTerm#lateFeesOwedOn}); all those open on a term whose contract bears none.
     */
    Function<OpenTerm, Money> lateFeesOwedOn(LocalDate on, CollectionPolicy policy) {
        LegalLateFeeCaps legalCaps = policy.legalLateFeeCaps().recorded();
        return term -> {
            LateFeeTerms terms = contracts.lateFeeTerms(invoices.get(term.invoiceId).contractId);
            return terms == null ? term.open(Allocation.Component.LATE_FEES) : term.lateFeesOwedOn(on, term.accruingLateFees(terms, legalCaps));
        };
    }

    Invoice known(String invoiceId, String customerId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            throw new RuleViolation(Rule.UNKNOWN_INVOICE, "no invoice " + invoiceId + " was issued to " + customerId);
        }
        return invoice;
    }

    /** The named invoices, each known and not written off: a written-off receivable takes no collection action but recovery. */
    List<Invoice> pursuable(List<String> invoiceIds, String customerId) {
        List<Invoice> found = new ArrayList<>();
        for (String invoiceId : invoiceIds) {
            Invoice invoice = known(invoiceId, customerId);
            if (invoice.writtenOff()) {
                throw new RuleViolation(Rule.RECEIVABLE_WRITTEN_OFF, "invoice " + invoiceId
                        + " was written off; only a recovery may be recorded on it");
            }
            found.add(invoice);
        }
        return found;
    }

    /** Whether an invoice or a payment plan already has this id: the two share one kind of id. */
    boolean contains(String invoiceOrPlanId) {
        return invoices.containsKey(invoiceOrPlanId);
    }

    Collection<Invoice> all() {
        return invoices.values();
    }

    /** Terms still pursued: not of a written-off invoice. */
    Stream<OpenTerm> collectableTerms() {
        return invoices.values().stream().filter(i -> !i.writtenOff()).flatMap(i -> i.terms().stream());
    }

    /** What is open on all invoices in the currency, written off or not. */
    Money open(String currency) {
        return invoices.values().stream()
                .filter(i -> i.currency.equals(currency))
                .flatMap(i -> i.terms().stream())
                .map(OpenTerm::totalOpen)
                .reduce(Money.zero(currency), Money::plus);
    }

    static void requireCurrency(String currency, Money amount) {
        if (!currency.equals(amount.currency())) {
            throw new RuleViolation(Rule.CURRENCY_MISMATCH, amount + " is not in " + currency);
        }
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoices.put(event.invoiceId(), new Invoice(event));
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        creditNotes.add(event.creditNoteId());
        event.reductions().forEach(a -> settle(a, event.occurredOn()));
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        event.allocations().forEach(a -> settle(a, event.occurredOn()));
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        event.reopened().forEach(a -> invoices.get(a.invoiceId()).term(a.termId()).reopen(a, event.occurredOn()));
    }

    @EventSourcingHandler
    void on(UnappliedCreditApplied event) {
        event.allocations().forEach(a -> settle(a, event.occurredOn()));
    }

    @EventSourcingHandler
    void on(PaymentPlanAgreed event) {
        event.rescheduled().forEach(a -> settle(a, event.occurredOn()));
        invoices.put(event.planId(), new Invoice(event));
    }

    @EventSourcingHandler
    void on(ReceivableWrittenOff event) {
        writeOffs.add(event.writeOffId());
        event.writtenOff().forEach(a -> settle(a, event.occurredOn()));
        invoices.get(event.invoiceId()).writeOff(event.amount(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(RecoveryAfterWriteOffRecorded event) {
        recoveries.add(event.recoveryId());
        invoices.get(event.invoiceId()).recover(event.amount());
    }

    @EventSourcingHandler
    void on(CollectionStageReached event) {
        invoices.get(event.invoiceId()).term(event.termId()).reach(event.stage(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(CollectionStageWithdrawn event) {
        invoices.get(event.invoiceId()).term(event.termId()).withdraw(event.stage());
    }

    @EventSourcingHandler
    void on(LateFeesAccrued event) {
        for (LateFeeAccrual accrual : event.accruals()) {
            invoices.get(accrual.invoiceId()).term(accrual.termId()).accrue(accrual, event.occurredOn());
        }
    }

    @EventSourcingHandler
    void on(LateFeesCorrected event) {
        for (LateFeeCorrection correction : event.corrections()) {
            invoices.get(correction.invoiceId()).term(correction.termId()).correct(correction, event.occurredOn());
        }
    }

    private void settle(Allocation allocation, LocalDate on) {
        invoices.get(allocation.invoiceId()).term(allocation.termId()).settle(allocation, on);
    }
}
