package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.promise.AgreePaymentPlan;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the customer undertook to pay: promises to pay, judged kept, partially kept or broken, and
 * payment plans whose installments replace the due dates of the invoices they cover (the plan
 * itself is kept among the invoices, its installments as terms).
 */
@SnapshotState
final class Promises {

    @JsonIgnore
    private final Invoices invoices;
    @JsonIgnore
    private final Payments payments;
    @JsonIgnore
    private final LegalCases cases;
    private final Map<String, PromiseState> promises = new LinkedHashMap<>();

    Promises(Invoices invoices, Payments payments, LegalCases cases) {
        this.invoices = invoices;
        this.payments = payments;
        this.cases = cases;
    }

    @CommandHandler
    void handle(RecordPaymentPromise command) {
        Ids.requireUnused(promises.containsKey(command.promiseId()), "payment promise", command.promiseId());
        String currency = command.amount().currency();
        Money open;
        if (command.invoiceIds().isEmpty()) {
            open = invoices.collectableTerms().filter(t -> t.currency.equals(currency))
                    .map(OpenTerm::totalOpen).reduce(Money.zero(currency), Money::plus);
        } else {
            open = Money.zero(currency);
            for (Invoice invoice : invoices.pursuable(command.invoiceIds(), command.customerId())) {
                Invoices.requireCurrency(invoice.currency, command.amount());
                open = open.plus(invoice.open());
            }
        }
        if (command.amount().exceeds(open)) {
            throw new RuleViolation(Rule.PROMISE_EXCEEDS_OPEN_AMOUNT,
                    "a promise of " + command.amount() + " is more than the " + open + " open");
        }
        apply(new PaymentPromiseRecorded(command.customerId(), command.promiseId(), command.occurredOn(), command.amount(),
                command.promisedDate(), command.form(), command.collector(), command.invoiceIds(), command.documentRef()));
    }

    @CommandHandler
    void handle(AgreePaymentPlan command, CollectionPolicy policy) {
        Ids.requireUnused(invoices.contains(command.planId()), "payment plan or invoice", command.planId());
        List<Invoice> covered = invoices.pursuable(command.invoiceIds(), command.customerId());
        // the plan takes the covered terms' principal off them: the fees accrued on it before are fixed first
        invoices.fixLateFeesBefore(command.customerId(), command.occurredOn(), covered, policy);
        for (Invoice invoice : covered) {
            LawsuitFiled lawsuit = cases.over(invoice.invoiceId);
            if (lawsuit != null && !command.coversInvoicesInLitigation()) {
                throw new RuleViolation(Rule.INVOICE_IN_LITIGATION, "invoice " + invoice.invoiceId + " is in case " + lawsuit.caseId()
                        + "; a plan over it must say so (coversInvoicesInLitigation)");
            }
        }
        String currency = covered.get(0).currency;
        List<Allocation> rescheduled = new ArrayList<>();
        for (Invoice invoice : covered) {
            for (OpenTerm term : invoice.terms()) {
                Money principal = term.open(Allocation.Component.PRINCIPAL);
                if (principal.signum() > 0) {
                    Invoices.requireCurrency(currency, principal);
                    rescheduled.add(new Allocation(invoice.invoiceId, term.termId, Allocation.Component.PRINCIPAL, principal));
                }
            }
        }
        Money moved = AllocationPlan.total(rescheduled, currency);
        Money planned = Money.zero(currency);
        for (Installment installment : command.installments()) {
            Invoices.requireCurrency(currency, installment.principal());
            Invoices.requireCurrency(currency, installment.interest());
            planned = planned.plus(installment.principal());
        }
        if (!planned.equals(moved)) {
            throw new RuleViolation(Rule.PLAN_DOES_NOT_ADD_UP, "the installments' principal adds up to " + planned
                    + ", the principal open on the covered invoices is " + moved);
        }
        apply(new PaymentPlanAgreed(command.customerId(), command.planId(), command.occurredOn(), command.invoiceIds(), rescheduled,
                command.installments(), command.coversInvoicesInLitigation(), command.documentRef()));
    }

    /**
     * A payment recorded late, dated within a promise's window, may change the outcome already
     * recorded for it: record the correction, never erase the outcome.
     */
    void correctOutcomes(String customerId, String paymentId, LocalDate paidOn, LocalDate today, CollectionPolicy policy) {
        for (PromiseState promise : promises.values()) {
            if (promise.outcome() == null || promise.outcome() == PromiseOutcome.KEPT || !promise.counts(paidOn, policy)) {
                continue;
            }
            Money received = payments.receivedFor(promise, policy);
            PromiseOutcome corrected = promise.judge(received);
            if (corrected != promise.outcome()) {
                apply(new PaymentPromiseOutcomeCorrected(customerId, promise.promise.promiseId(), today,
                        promise.outcome(), corrected, received, promise.shortfall(received), paymentId));
            }
        }
    }

    /** The first day a promise still open is judged: the day after its last day. */
    Optional<LocalDate> nextJudgementDay(CollectionPolicy policy) {
        return promises.values().stream()
                .filter(promise -> promise.outcome() == null)
                .map(promise -> promise.lastDay(policy).plusDays(1))
                .min(Comparator.naturalOrder());
    }

    Collection<PromiseState> all() {
        return promises.values();
    }

    @EventSourcingHandler
    void on(PaymentPromiseRecorded event) {
        promises.put(event.promiseId(), new PromiseState(event));
    }

    @EventSourcingHandler
    void on(PaymentPromiseKept event) {
        promises.get(event.promiseId()).judged(PromiseOutcome.KEPT);
    }

    @EventSourcingHandler
    void on(PaymentPromisePartiallyKept event) {
        promises.get(event.promiseId()).judged(PromiseOutcome.PARTIALLY_KEPT);
    }

    @EventSourcingHandler
    void on(PaymentPromiseBroken event) {
        promises.get(event.promiseId()).judged(PromiseOutcome.BROKEN);
    }

    @EventSourcingHandler
    void on(PaymentPromiseOutcomeCorrected event) {
        promises.get(event.promiseId()).judged(event.corrected());
    }
}
