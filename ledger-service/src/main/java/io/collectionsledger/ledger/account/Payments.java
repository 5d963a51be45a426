package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.payment.AllocationInstruction;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Money received, set against open terms in the legal order, and what was left over: the
 * customer's unapplied credit, later applied or refunded (with what was paid for late fees later
 * taken back). A reversal undoes a payment. Each allocation takes effect on the later of the
 * money's date and its receivable's issue date: money that came before the receivable was credit
 * until then.
 */
@SnapshotState
final class Payments {

    @JsonIgnore
    private final Invoices invoices;
    private final Map<String, PaymentRecorded> payments = new HashMap<>();
    private final Set<String> reversed = new HashSet<>();
    /** What the ledger applied of each payment to receivables issued after the payment's date. */
    private final Map<String, List<Allocation>> appliedLater = new HashMap<>();
    private final Map<String, Money> unappliedCredit = new HashMap<>();
    private final Ids applications = new Ids("credit application");
    private final Ids refunds = new Ids("refund");

    Payments(Invoices invoices) {
        this.invoices = invoices;
    }

    /**
     * Records the payment with what it paid of the receivables issued by its date, and applies what
     * it paid of each one issued after it on that one's issue date; what it sets off (promises,
     * credit limit, orders) the account decides after.
     */
    void record(RecordPayment command, CollectionPolicy policy) {
        Ids.requireUnused(payments.containsKey(command.paymentId()), "payment", command.paymentId());
        LocalDate paidOn = command.occurredOn();
        String currency = command.amount().currency();
        AllocationPlan plan = new AllocationPlan(invoices.collectableTerms().toList(), currency, paidOn, invoices.lateFeesOwedOn(paidOn, policy));
        Map<LocalDate, List<Allocation>> byDate = new TreeMap<>();
        for (Allocation allocation : allocate(command.amount(), command.allocations(), command.customerId(), plan)) {
            LocalDate settlesOn = termOf(allocation, command.customerId()).settledByMoneyOf(paidOn);
            byDate.computeIfAbsent(settlesOn, on -> new ArrayList<>()).add(allocation);
        }
        List<Allocation> onItsDate = byDate.getOrDefault(paidOn, List.of());
        takeOverFeesPaidLater(onItsDate, paidOn, command.customerId());
        apply(new PaymentRecorded(command.customerId(), command.paymentId(), paidOn, command.amount(), command.method(),
                command.reference(), onItsDate, command.amount().minus(AllocationPlan.total(onItsDate, currency))));
        byDate.forEach((on, allocations) -> {
            if (on.isAfter(paidOn)) {
                // "_" begins no id a client may give, so the ledger's applications never take one of theirs
                apply(new UnappliedCreditApplied(command.customerId(), "_" + command.paymentId() + "@" + on, on,
                        AllocationPlan.total(allocations, currency), allocations, command.paymentId()));
            }
        });
    }

    @CommandHandler
    void handle(ReversePayment command) {
        PaymentRecorded payment = payments.get(command.paymentId());
        if (payment == null) {
            throw new RuleViolation(Rule.UNKNOWN_PAYMENT, "no payment " + command.paymentId() + " was recorded for " + command.customerId());
        }
        if (reversed.contains(command.paymentId())) {
            throw new RuleViolation(Rule.PAYMENT_ALREADY_REVERSED, "payment " + command.paymentId() + " was already reversed");
        }
        List<Allocation> later = appliedLater.getOrDefault(command.paymentId(), List.of());
        List<Allocation> reopened = new ArrayList<>(payment.allocations());
        reopened.addAll(later);
        apply(new PaymentReversed(command.customerId(), command.paymentId(), command.occurredOn(), command.reason(),
                payment.amount(), reopened, payment.unapplied().minus(AllocationPlan.total(later, payment.amount().currency()))));
    }

    @CommandHandler
    void handle(ApplyUnappliedCredit command, CollectionPolicy policy) {
        applications.requireUnused(command.applicationId());
        requireUnapplied(command.amount(), "applying ");
        LocalDate on = command.occurredOn();
        // credit is allocated like a payment: to the late fees accrued before its date, fixed first
        invoices.fixLateFeesBefore(command.customerId(), on, invoices.all(), policy);
        // credit applied on a date meets only the receivables issued by then
        List<OpenTerm> issued = invoices.collectableTerms().filter(t -> !t.issuedOn.isAfter(on)).toList();
        AllocationPlan plan = new AllocationPlan(issued, command.amount().currency(), on, invoices.lateFeesOwedOn(on, policy));
        List<Allocation> allocations = allocate(command.amount(), command.allocations(), command.customerId(), plan);
        Money applied = AllocationPlan.total(allocations, command.amount().currency());
        if (command.amount().exceeds(applied)) {
            throw new RuleViolation(Rule.CREDIT_EXCEEDS_OPEN_AMOUNT,
                    "only " + applied + " was open on " + on + " to apply " + command.amount() + " against");
        }
        takeOverFeesPaidLater(allocations, on, command.customerId());
        apply(new UnappliedCreditApplied(command.customerId(), command.applicationId(), on, command.amount(), allocations, null));
    }

    /**
     * Money that paid late fees which a payment recorded later, dated before them, shows were not owed (the credit of a
     * restatement, {@link LateFees#restatements}) pays what the same invoice had open on the restatement's date, the date
     * of that money, as it would have had the payments been recorded in the order of their dates: the ledger applies the
     * credit there at once. What the invoice no longer has open stays unapplied credit.
     */
    void applyCreditOfFeesNotOwed(LateFeesCorrected corrected, CollectionPolicy policy) {
        LocalDate on = corrected.occurredOn();
        Map<String, Money> creditedByInvoice = new TreeMap<>();
        corrected.corrections().stream().filter(c -> c.credited().signum() > 0)
                .forEach(c -> creditedByInvoice.merge(c.invoiceId(), c.credited(), Money::plus));
        List<OpenTerm> issued = invoices.collectableTerms().filter(t -> !t.issuedOn.isAfter(on)).toList();
        creditedByInvoice.forEach((invoiceId, credited) -> {
            List<Allocation> allocations = new AllocationPlan(issued, credited.currency(), on, invoices.lateFeesOwedOn(on, policy))
                    .allocate(credited, invoiceId);
            if (!allocations.isEmpty()) {
                takeOverFeesPaidLater(allocations, on, corrected.customerId());
                apply(new UnappliedCreditApplied(corrected.customerId(), ledgerApplicationId(on), on,
                        AllocationPlan.total(allocations, credited.currency()), allocations, null));
            }
        });
    }

    /**
     * Money dated {@code on} whose allocations pay late fees that money dated later, recorded before it, had paid takes them
     * over, as it would have had both been recorded in date order: what the later money paid of them becomes its credit on
     * its own date (a correction that takes no fees back) and pays the term's principal there, as that money would have.
     * The plan made room for it ({@link OpenTerm#lateFeesOwedOn}).
     */
    private void takeOverFeesPaidLater(List<Allocation> allocations, LocalDate on, String customerId) {
        Map<OpenTerm, Money> feesPaid = new LinkedHashMap<>();
        allocations.stream().filter(a -> a.component() == Component.LATE_FEES)
                .forEach(a -> feesPaid.merge(termOf(a, customerId), a.amount(), Money::plus));
        feesPaid.forEach((term, paying) -> {
            Money left = paying.minus(term.open(Component.LATE_FEES));
            for (Map.Entry<LocalDate, Money> paidLater : term.feesPaidAfterByDate(on).entrySet()) {
                if (left.signum() <= 0) {
                    break;
                }
                if (paidLater.getValue().signum() <= 0) {
                    continue;
                }
                LocalDate day = paidLater.getKey();
                Money moved = left.min(paidLater.getValue()).min(term.open(Component.PRINCIPAL));
                if (moved.signum() <= 0) {
                    break;
                }
                apply(new LateFeesCorrected(customerId, day, List.of(new LateFeeCorrection(term.invoiceId, term.termId, day,
                        term.lateFeesAccrued(), term.lateFeesAccrued(), Money.zero(term.currency), moved)),
                        "late fees paid on " + day + " that money dated " + on + ", recorded later, paid first"));
                apply(new UnappliedCreditApplied(customerId, ledgerApplicationId(day), day, moved,
                        List.of(new Allocation(term.invoiceId, term.termId, Component.PRINCIPAL, moved)), null));
                left = left.minus(moved);
            }
        });
    }

    /** An id for the ledger's own application of credit on {@code on}: "_" begins no id a client may give. */
    private String ledgerApplicationId(LocalDate on) {
        String id = "_late-fees@" + on;
        for (int n = 2; applications.contains(id); n++) {
            id = "_late-fees@" + on + "#" + n;
        }
        return id;
    }

    @CommandHandler
    void handle(RefundUnappliedCredit command) {
        refunds.requireUnused(command.refundId());
        requireUnapplied(command.amount(), "refunding ");
        apply(new UnappliedCreditRefunded(command.customerId(), command.refundId(), command.occurredOn(), command.amount(),
                command.reference()));
    }

    private void requireUnapplied(Money amount, String doing) {
        Money available = unapplied(amount.currency());
        if (amount.exceeds(available)) {
            throw new RuleViolation(Rule.INSUFFICIENT_UNAPPLIED_CREDIT,
                    doing + amount + " needs more than the " + available + " of unapplied credit");
        }
    }

    /** The payer's instructions first, each within its invoice in the legal order; the rest by the legal order over all. */
    private List<Allocation> allocate(Money amount, List<AllocationInstruction> instructions, String customerId, AllocationPlan plan) {
        List<Allocation> allocations = new ArrayList<>();
        Money instructed = Money.zero(amount.currency());
        for (AllocationInstruction instruction : instructions) {
            Invoice invoice = invoices.pursuable(List.of(instruction.invoiceId()), customerId).get(0);
            Invoices.requireCurrency(invoice.currency, instruction.amount());
            Invoices.requireCurrency(amount.currency(), instruction.amount());
            Money open = plan.openOn(invoice.invoiceId, invoice.currency);
            if (instruction.amount().exceeds(open)) {
                throw new RuleViolation(Rule.ALLOCATION_EXCEEDS_OPEN_AMOUNT, "allocating " + instruction.amount()
                        + " to invoice " + invoice.invoiceId + " exceeds the " + open + " open on it");
            }
            instructed = instructed.plus(instruction.amount());
            allocations.addAll(plan.allocate(instruction.amount(), invoice.invoiceId));
        }
        if (instructed.exceeds(amount)) {
            throw new RuleViolation(Rule.ALLOCATIONS_EXCEED_AMOUNT,
                    "the allocations add up to " + instructed + ", more than the " + amount + " to allocate");
        }
        allocations.addAll(plan.allocate(amount.minus(instructed), null));
        return allocations;
    }

    private OpenTerm termOf(Allocation allocation, String customerId) {
        return invoices.known(allocation.invoiceId(), customerId).term(allocation.termId());
    }

    Money unapplied(String currency) {
        return unappliedCredit.getOrDefault(currency, Money.zero(currency));
    }

    /** What arrived for the promise and was not reversed. */
    Money receivedFor(PromiseState promise, CollectionPolicy policy) {
        String currency = promise.promise.amount().currency();
        return payments.values().stream()
                .filter(p -> !reversed.contains(p.paymentId()))
                .filter(p -> promise.counts(p, policy))
                .map(PaymentRecorded::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentId(), event);
        unappliedCredit.merge(event.unapplied().currency(), event.unapplied(), Money::plus);
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        reversed.add(event.paymentId());
        unappliedCredit.merge(event.unappliedReversed().currency(), event.unappliedReversed().negate(), Money::plus);
    }

    @EventSourcingHandler
    void on(UnappliedCreditApplied event) {
        applications.add(event.applicationId());
        if (event.paymentId() != null) {
            appliedLater.computeIfAbsent(event.paymentId(), id -> new ArrayList<>()).addAll(event.allocations());
        }
        unappliedCredit.merge(event.amount().currency(), event.amount().negate(), Money::plus);
    }

    /** Money paid for late fees that were then taken back was received for nothing owed: it is the customer's credit. */
    @EventSourcingHandler
    void on(LateFeesCorrected event) {
        for (LateFeeCorrection correction : event.corrections()) {
            unappliedCredit.merge(correction.credited().currency(), correction.credited(), Money::plus);
        }
    }

    @EventSourcingHandler
    void on(UnappliedCreditRefunded event) {
        refunds.add(event.refundId());
        unappliedCredit.merge(event.amount().currency(), event.amount().negate(), Money::plus);
    }
}
