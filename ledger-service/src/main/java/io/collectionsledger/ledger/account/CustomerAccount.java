package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.delivery.RecordDelivery;
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
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's account: its contracts, deliveries, invoices and the money set against them. It
 * is the unit of consistency, so rules that span invoices (allocation order, unapplied credit,
 * what is open) hold under concurrent commands. Command handlers guard and apply; event-sourcing
 * handlers only assign.
 */
@Aggregate
class CustomerAccount {

    @AggregateIdentifier
    private String customerId;
    private final Map<String, ContractRecorded> contracts = new HashMap<>();
    private final Map<String, DeliveryDetails> deliveries = new HashMap<>();
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Map<String, PaymentRecorded> payments = new HashMap<>();
    private final Set<String> reversedPayments = new HashSet<>();
    private final Map<String, Money> unappliedCredit = new HashMap<>();
    /** Ids of facts that have no state of their own here (credit notes, refunds...), per kind. */
    private final Set<String> usedIds = new HashSet<>();

    CustomerAccount() {
        // for Axon, which rebuilds the account from its events
    }

    @CommandHandler
    CustomerAccount(RegisterCustomer command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        apply(new CustomerRegistered(command.customerId(), command.name(), command.registrationNumber(),
                command.occurredOn(), command.creditFile()));
    }

    /** A client that sends the version it expects acts only on that version. */
    @CommandHandlerInterceptor
    Object expectVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(StaleVersion.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && current != null && ((Number) expected).longValue() != current) {
            throw new StaleVersion(((Number) expected).longValue(), current);
        }
        return chain.proceed();
    }

    @CommandHandler
    void handle(RecordContract command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(contracts.containsKey(command.contractId()), "contract", command.contractId());
        apply(new ContractRecorded(customerId, command.contractId(), command.occurredOn(), command.validity(),
                command.paymentTerms(), command.lateFees(), command.disputeClause(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordDelivery command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(deliveries.containsKey(command.deliveryId()), "delivery", command.deliveryId());
        requireKnownContract(command.details().contractId());
        apply(new DeliveryRecorded(customerId, command.deliveryId(), command.occurredOn(), command.details()));
    }

    @CommandHandler
    void handle(CorrectDelivery command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        DeliveryDetails previous = deliveries.get(command.deliveryId());
        if (previous == null) {
            throw new RuleViolation(Rule.UNKNOWN_DELIVERY, "no delivery " + command.deliveryId() + " was recorded for " + customerId);
        }
        requireKnownContract(command.corrected().contractId());
        apply(new DeliveryCorrected(customerId, command.deliveryId(), command.occurredOn(), command.reason(),
                previous, command.corrected()));
    }

    @CommandHandler
    void handle(IssueInvoice command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(invoices.containsKey(command.invoiceId()), "invoice", command.invoiceId());
        requireKnownContract(command.contractId());
        for (String deliveryId : command.deliveryIds()) {
            if (!deliveries.containsKey(deliveryId)) {
                throw new RuleViolation(Rule.UNKNOWN_DELIVERY, "no delivery " + deliveryId + " was recorded for " + customerId);
            }
        }
        List<InvoiceTerm> terms = command.terms().isEmpty() ? termsFromContract(command) : command.terms();
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
        apply(new InvoiceIssued(customerId, command.invoiceId(), command.contractId(), command.occurredOn(),
                command.amount(), terms, command.deliveryIds(), command.documentRef()));
    }

    /** Staged terms: each stage's share of the amount, due its days after the invoice date; the last takes the rounding. */
    private List<InvoiceTerm> termsFromContract(IssueInvoice command) {
        ContractRecorded contract = command.contractId() == null ? null : contracts.get(command.contractId());
        if (contract == null || contract.paymentTerms().isEmpty()) {
            throw new RuleViolation(Rule.NO_PAYMENT_TERMS,
                    "the invoice states no terms and has no contract with payment terms to take them from");
        }
        List<InvoiceTerm> terms = new ArrayList<>();
        Money allocated = Money.zero(command.amount().currency());
        List<PaymentTerm> stages = contract.paymentTerms();
        for (int i = 0; i < stages.size(); i++) {
            PaymentTerm stage = stages.get(i);
            Money share = i == stages.size() - 1
                    ? command.amount().minus(allocated)
                    : command.amount().percent(stage.percent());
            allocated = allocated.plus(share);
            if (share.signum() > 0) {
                terms.add(new InvoiceTerm(stage.termId(), share, command.occurredOn().plusDays(stage.days())));
            }
        }
        return terms;
    }

    @CommandHandler
    void handle(IssueCreditNote command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        Invoice invoice = knownInvoice(command.invoiceId());
        requireUnused(usedIds.contains("credit-note:" + command.creditNoteId()), "credit note", command.creditNoteId());
        requireCurrency(invoice.currency, command.amount());
        if (command.termId() != null && !invoice.terms.containsKey(command.termId())) {
            throw new RuleViolation(Rule.UNKNOWN_TERM, "invoice " + invoice.invoiceId + " has no term " + command.termId());
        }
        List<Allocation> reductions = invoice.creditNoteReductions(command.amount(), command.termId());
        Money open = AllocationPlan.total(reductions, invoice.currency);
        if (command.amount().exceeds(open)) {
            throw new RuleViolation(Rule.CREDIT_NOTE_EXCEEDS_OPEN_AMOUNT, "a credit note of " + command.amount()
                    + " exceeds the " + open + " still open on " + describe(invoice.invoiceId, command.termId()));
        }
        apply(new CreditNoteIssued(customerId, command.invoiceId(), command.creditNoteId(), command.occurredOn(),
                command.amount(), command.reason(), reductions));
    }

    @CommandHandler
    void handle(RecordPayment command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(payments.containsKey(command.paymentId()), "payment", command.paymentId());
        List<Allocation> allocations = allocate(command.amount(), command.allocations());
        Money unapplied = command.amount().minus(AllocationPlan.total(allocations, command.amount().currency()));
        apply(new PaymentRecorded(customerId, command.paymentId(), command.occurredOn(), command.amount(),
                command.method(), command.reference(), allocations, unapplied));
    }

    @CommandHandler
    void handle(ReversePayment command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        PaymentRecorded payment = payments.get(command.paymentId());
        if (payment == null) {
            throw new RuleViolation(Rule.UNKNOWN_PAYMENT, "no payment " + command.paymentId() + " was recorded for " + customerId);
        }
        if (reversedPayments.contains(command.paymentId())) {
            throw new RuleViolation(Rule.PAYMENT_ALREADY_REVERSED, "payment " + command.paymentId() + " was already reversed");
        }
        apply(new PaymentReversed(customerId, command.paymentId(), command.occurredOn(), command.reason(),
                payment.amount(), payment.allocations(), payment.unapplied()));
    }

    @CommandHandler
    void handle(ApplyUnappliedCredit command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("application:" + command.applicationId()), "credit application", command.applicationId());
        Money available = unapplied(command.amount().currency());
        if (command.amount().exceeds(available)) {
            throw new RuleViolation(Rule.INSUFFICIENT_UNAPPLIED_CREDIT,
                    "applying " + command.amount() + " needs more than the " + available + " of unapplied credit");
        }
        List<Allocation> allocations = allocate(command.amount(), command.allocations());
        Money applied = AllocationPlan.total(allocations, command.amount().currency());
        if (command.amount().exceeds(applied)) {
            throw new RuleViolation(Rule.CREDIT_EXCEEDS_OPEN_AMOUNT,
                    "only " + applied + " is open to apply " + command.amount() + " against");
        }
        apply(new UnappliedCreditApplied(customerId, command.applicationId(), command.occurredOn(), command.amount(), allocations));
    }

    @CommandHandler
    void handle(RefundUnappliedCredit command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("refund:" + command.refundId()), "refund", command.refundId());
        Money available = unapplied(command.amount().currency());
        if (command.amount().exceeds(available)) {
            throw new RuleViolation(Rule.INSUFFICIENT_UNAPPLIED_CREDIT,
                    "refunding " + command.amount() + " needs more than the " + available + " of unapplied credit");
        }
        apply(new UnappliedCreditRefunded(customerId, command.refundId(), command.occurredOn(), command.amount(), command.reference()));
    }

    @CommandHandler
    void handle(ConfirmReconciliationStatement command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("statement:" + command.statementId()), "reconciliation statement", command.statementId());
        String currency = command.confirmedBalance().currency();
        Money ledgerBalance = invoices.values().stream()
                .filter(i -> i.currency.equals(currency))
                .flatMap(i -> i.terms.values().stream())
                .map(OpenTerm::totalOpen)
                .reduce(Money.zero(currency), Money::plus)
                .minus(unapplied(currency));
        apply(new ReconciliationStatementConfirmed(customerId, command.statementId(), command.occurredOn(),
                command.balanceAsOf(), command.confirmedBalance(), ledgerBalance, command.confirmedBy(), command.documentRef()));
    }

    /** The payer's instructions first, each within its invoice in the legal order; the rest by the legal order over all. */
    private List<Allocation> allocate(Money amount, List<AllocationInstruction> instructions) {
        AllocationPlan plan = new AllocationPlan(allOpenTerms(), amount.currency());
        List<Allocation> allocations = new ArrayList<>();
        Money instructed = Money.zero(amount.currency());
        for (AllocationInstruction instruction : instructions) {
            Invoice invoice = knownInvoice(instruction.invoiceId());
            requireCurrency(invoice.currency, instruction.amount());
            requireCurrency(amount.currency(), instruction.amount());
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

    private List<OpenTerm> allOpenTerms() {
        return invoices.values().stream().flatMap(i -> i.terms.values().stream()).toList();
    }

    private Money unapplied(String currency) {
        return unappliedCredit.getOrDefault(currency, Money.zero(currency));
    }

    private Invoice knownInvoice(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            throw new RuleViolation(Rule.UNKNOWN_INVOICE, "no invoice " + invoiceId + " was issued to " + customerId);
        }
        return invoice;
    }

    private void requireKnownContract(String contractId) {
        if (contractId != null && !contracts.containsKey(contractId)) {
            throw new RuleViolation(Rule.UNKNOWN_CONTRACT, "no contract " + contractId + " was recorded for " + customerId);
        }
    }

    private static void requireUnused(boolean used, String kind, String id) {
        if (used) {
            throw new RuleViolation(Rule.DUPLICATE_ID, "a " + kind + " " + id + " was already recorded for this customer");
        }
    }

    private static void requireCurrency(String currency, Money amount) {
        if (!currency.equals(amount.currency())) {
            throw new RuleViolation(Rule.CURRENCY_MISMATCH, amount + " is not in " + currency);
        }
    }

    private static String describe(String invoiceId, String termId) {
        return termId == null ? "invoice " + invoiceId : "term " + termId + " of invoice " + invoiceId;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(ContractRecorded event) {
        contracts.put(event.contractId(), event);
    }

    @EventSourcingHandler
    void on(DeliveryRecorded event) {
        deliveries.put(event.deliveryId(), event.details());
    }

    @EventSourcingHandler
    void on(DeliveryCorrected event) {
        deliveries.put(event.deliveryId(), event.corrected());
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoices.put(event.invoiceId(), new Invoice(event));
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        usedIds.add("credit-note:" + event.creditNoteId());
        event.reductions().forEach(this::settle);
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentId(), event);
        event.allocations().forEach(this::settle);
        unappliedCredit.merge(event.unapplied().currency(), event.unapplied(), Money::plus);
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        reversedPayments.add(event.paymentId());
        event.reopened().forEach(a -> invoices.get(a.invoiceId()).terms.get(a.termId()).reopen(a));
        unappliedCredit.merge(event.unappliedReversed().currency(), event.unappliedReversed().negate(), Money::plus);
    }

    @EventSourcingHandler
    void on(UnappliedCreditApplied event) {
        usedIds.add("application:" + event.applicationId());
        event.allocations().forEach(this::settle);
        unappliedCredit.merge(event.amount().currency(), event.amount().negate(), Money::plus);
    }

    @EventSourcingHandler
    void on(UnappliedCreditRefunded event) {
        usedIds.add("refund:" + event.refundId());
        unappliedCredit.merge(event.amount().currency(), event.amount().negate(), Money::plus);
    }

    @EventSourcingHandler
    void on(ReconciliationStatementConfirmed event) {
        usedIds.add("statement:" + event.statementId());
    }

    private void settle(Allocation allocation) {
        invoices.get(allocation.invoiceId()).terms.get(allocation.termId()).settle(allocation);
    }
}
