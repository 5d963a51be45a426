package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.ClassifyReceivable;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.FlagEarlyWarning;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ResumeSupply;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.collection.SuspendSupply;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
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
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersReleased;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's account: its contracts, deliveries, invoices and the money set against them, and
 * the collection work on them (promises, plans, disputes, dunning, security, legal cases,
 * write-offs) with the facts the passing of days produces. It
 * is the unit of consistency, so rules that span invoices (allocation order, unapplied credit,
 * what is open) hold under concurrent commands. Command handlers guard and apply; event-sourcing
 * handlers only assign.
 */
@Aggregate(cache = "accountCache")
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
    private Money creditLimit;
    /** Consecutive early payments since the limit was last raised. */
    private final List<String> earlyPayments = new ArrayList<>();
    private boolean ordersHeld;
    private boolean supplySuspended;
    private final Map<String, PromiseState> promises = new LinkedHashMap<>();
    private final Map<String, DisputeRaised> openDisputes = new HashMap<>();
    private final Map<String, DunningLetterSent> letters = new HashMap<>();
    private final Set<String> deliveredLetters = new HashSet<>();
    private final Map<String, LawsuitFiled> openCases = new HashMap<>();
    private final Set<String> closedCases = new HashSet<>();

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
    void handle(RecordPayment command, BusinessCalendar calendar, CollectionPolicy policy) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(payments.containsKey(command.paymentId()), "payment", command.paymentId());
        List<Allocation> allocations = allocate(command.amount(), command.allocations());
        Money unapplied = command.amount().minus(AllocationPlan.total(allocations, command.amount().currency()));
        apply(new PaymentRecorded(customerId, command.paymentId(), command.occurredOn(), command.amount(),
                command.method(), command.reference(), allocations, unapplied));
        correctPromiseOutcomes(command.paymentId(), command.occurredOn(), calendar, policy);
        if (creditLimit != null && earlyPayments.size() >= policy.earlyPaymentsForRaise()) {
            apply(new CreditLimitRaised(customerId, command.occurredOn(), creditLimit,
                    creditLimit.percent(BigDecimal.valueOf(100).add(policy.creditLimitRaisePercent())), List.copyOf(earlyPayments)));
        }
        releaseOrdersIfNothingLongOverdue(calendar.today(), policy, "payment " + command.paymentId() + " settled what held them");
    }

    /**
     * A payment recorded late, dated within a promise's window, may change the outcome already
     * recorded for it: record the correction, never erase the outcome.
     */
    private void correctPromiseOutcomes(String paymentId, LocalDate paidOn, BusinessCalendar calendar, CollectionPolicy policy) {
        for (PromiseState promise : promises.values()) {
            if (promise.outcome == null || promise.outcome == PromiseOutcome.KEPT || !promise.counts(paidOn, policy)) {
                continue;
            }
            Money received = promise.received(payments.values(), reversedPayments, policy);
            PromiseOutcome corrected = promise.judge(received);
            if (corrected != promise.outcome) {
                apply(new PaymentPromiseOutcomeCorrected(customerId, promise.promise.promiseId(), calendar.today(),
                        promise.outcome, corrected, received, promise.shortfall(received), paymentId));
            }
        }
    }

    private void releaseOrdersIfNothingLongOverdue(LocalDate today, CollectionPolicy policy, String reason) {
        if (ordersHeld && longOverdue(today, policy).isEmpty()) {
            apply(new OrdersReleased(customerId, today, reason));
        }
    }

    private Optional<OpenTerm> longOverdue(LocalDate day, CollectionPolicy policy) {
        return collectableTerms()
                .filter(t -> !t.settled() && t.daysPastDue(day) > policy.orderHoldDaysPastDue())
                .min(java.util.Comparator.comparing((OpenTerm t) -> t.dueDate));
    }

    /** Terms still pursued: not of a written-off invoice. */
    private java.util.stream.Stream<OpenTerm> collectableTerms() {
        return invoices.values().stream().filter(i -> !i.writtenOff()).flatMap(i -> i.terms.values().stream());
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

    @CommandHandler
    void handle(AssignCollector command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        apply(new CollectorAssigned(customerId, command.occurredOn(), command.collector(), command.tier()));
    }

    @CommandHandler
    void handle(SetCreditLimit command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        apply(new CreditLimitSet(customerId, command.occurredOn(), creditLimit, command.limit(), command.reason()));
    }

    @CommandHandler
    void handle(ClassifyReceivable command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        knownInvoice(command.invoiceId());
        apply(new ReceivableClassified(customerId, command.invoiceId(), command.occurredOn(), command.receivableClass(), command.reason()));
    }

    @CommandHandler
    void handle(LogContactAttempt command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("contact:" + command.contactId()), "contact attempt", command.contactId());
        apply(new ContactAttemptLogged(customerId, command.contactId(), command.occurredOn(), command.collector(), command.channel(),
                command.partyReached(), command.outcome(), command.excuse(), command.excuseText(), command.recordingRef()));
    }

    @CommandHandler
    void handle(FlagEarlyWarning command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("warning:" + command.warningId()), "early warning", command.warningId());
        apply(new EarlyWarningFlagged(customerId, command.warningId(), command.occurredOn(), command.signal(), command.note()));
    }

    @CommandHandler
    void handle(SuspendSupply command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        if (supplySuspended) {
            throw new RuleViolation(Rule.SUPPLY_ALREADY_SUSPENDED, "supply to " + customerId + " is already suspended");
        }
        apply(new SupplySuspended(customerId, command.occurredOn(), command.reason()));
    }

    @CommandHandler
    void handle(ResumeSupply command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        if (!supplySuspended) {
            throw new RuleViolation(Rule.SUPPLY_NOT_SUSPENDED, "supply to " + customerId + " is not suspended");
        }
        apply(new SupplyResumed(customerId, command.occurredOn(), command.reason()));
    }

    @CommandHandler
    void handle(RecordPaymentPromise command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(promises.containsKey(command.promiseId()), "payment promise", command.promiseId());
        String currency = command.amount().currency();
        Money open;
        if (command.invoiceIds().isEmpty()) {
            open = collectableTerms().filter(t -> t.currency.equals(currency)).map(OpenTerm::totalOpen).reduce(Money.zero(currency), Money::plus);
        } else {
            open = Money.zero(currency);
            for (Invoice invoice : pursuable(command.invoiceIds())) {
                requireCurrency(invoice.currency, command.amount());
                open = open.plus(invoice.open());
            }
        }
        if (command.amount().exceeds(open)) {
            throw new RuleViolation(Rule.PROMISE_EXCEEDS_OPEN_AMOUNT,
                    "a promise of " + command.amount() + " is more than the " + open + " open");
        }
        apply(new PaymentPromiseRecorded(customerId, command.promiseId(), command.occurredOn(), command.amount(),
                command.promisedDate(), command.form(), command.collector(), command.invoiceIds(), command.documentRef()));
    }

    @CommandHandler
    void handle(AgreePaymentPlan command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(invoices.containsKey(command.planId()), "payment plan or invoice", command.planId());
        List<Invoice> covered = pursuable(command.invoiceIds());
        for (Invoice invoice : covered) {
            LawsuitFiled lawsuit = lawsuitOver(invoice.invoiceId);
            if (lawsuit != null && !command.coversInvoicesInLitigation()) {
                throw new RuleViolation(Rule.INVOICE_IN_LITIGATION, "invoice " + invoice.invoiceId + " is in case " + lawsuit.caseId()
                        + "; a plan over it must say so (coversInvoicesInLitigation)");
            }
        }
        String currency = covered.get(0).currency;
        List<Allocation> rescheduled = new ArrayList<>();
        for (Invoice invoice : covered) {
            for (OpenTerm term : invoice.terms.values()) {
                Money principal = term.open(Allocation.Component.PRINCIPAL);
                if (principal.signum() > 0) {
                    requireCurrency(currency, principal);
                    rescheduled.add(new Allocation(invoice.invoiceId, term.termId, Allocation.Component.PRINCIPAL, principal));
                }
            }
        }
        Money moved = AllocationPlan.total(rescheduled, currency);
        Money planned = Money.zero(currency);
        for (Installment installment : command.installments()) {
            requireCurrency(currency, installment.principal());
            requireCurrency(currency, installment.interest());
            planned = planned.plus(installment.principal());
        }
        if (!planned.equals(moved)) {
            throw new RuleViolation(Rule.PLAN_DOES_NOT_ADD_UP, "the installments' principal adds up to " + planned
                    + ", the principal open on the covered invoices is " + moved);
        }
        apply(new PaymentPlanAgreed(customerId, command.planId(), command.occurredOn(), command.invoiceIds(), rescheduled,
                command.installments(), command.coversInvoicesInLitigation(), command.documentRef()));
    }

    @CommandHandler
    void handle(RaiseDispute command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(openDisputes.containsKey(command.disputeId()) || usedIds.contains("dispute:" + command.disputeId()),
                "dispute", command.disputeId());
        Invoice invoice = pursuable(List.of(command.invoiceId())).get(0);
        requireCurrency(invoice.currency, command.amount());
        Money undisputed = invoice.open().minus(disputedOn(invoice.invoiceId));
        if (command.amount().exceeds(undisputed)) {
            throw new RuleViolation(Rule.DISPUTE_EXCEEDS_OPEN_AMOUNT, "disputing " + command.amount() + " of invoice "
                    + invoice.invoiceId + " exceeds the " + undisputed + " open and not yet disputed");
        }
        apply(new DisputeRaised(customerId, command.disputeId(), command.occurredOn(), command.invoiceId(), command.amount(),
                command.reason(), command.description()));
    }

    @CommandHandler
    void handle(ResolveDispute command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        DisputeRaised dispute = openDisputes.get(command.disputeId());
        if (dispute == null) {
            throw usedIds.contains("dispute:" + command.disputeId())
                    ? new RuleViolation(Rule.DISPUTE_ALREADY_RESOLVED, "dispute " + command.disputeId() + " was already resolved")
                    : new RuleViolation(Rule.UNKNOWN_DISPUTE, "no dispute " + command.disputeId() + " was raised by " + customerId);
        }
        apply(new DisputeResolved(customerId, command.disputeId(), command.occurredOn(), dispute.invoiceId(), dispute.amount(),
                command.resolution(), command.description()));
    }

    @CommandHandler
    void handle(SendDunningLetter command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(letters.containsKey(command.letterId()), "dunning letter", command.letterId());
        String currency = command.amountDemanded().currency();
        Money open = Money.zero(currency);
        Money disputed = Money.zero(currency);
        for (Invoice invoice : pursuable(command.invoiceIds())) {
            requireCurrency(invoice.currency, command.amountDemanded());
            open = open.plus(invoice.open());
            disputed = disputed.plus(disputedOn(invoice.invoiceId));
        }
        if (command.amountDemanded().exceeds(open)) {
            throw new RuleViolation(Rule.DEMAND_EXCEEDS_OPEN_AMOUNT, "the letter demands " + command.amountDemanded()
                    + ", more than the " + open + " open on its invoices");
        }
        if (command.amountDemanded().exceeds(open.minus(disputed))) {
            throw new RuleViolation(Rule.DUNNING_FOR_DISPUTED_AMOUNT, "the letter demands " + command.amountDemanded() + ", but "
                    + disputed + " of the " + open + " open is disputed; a dunning letter may demand only what is not");
        }
        apply(new DunningLetterSent(customerId, command.letterId(), command.occurredOn(), command.level(), command.invoiceIds(),
                command.amountDemanded(), command.lateFeesDemanded(), command.deadline(), command.rightsReserved(),
                command.courier(), command.waybill(), command.documentRef()));
    }

    @CommandHandler
    void handle(ConfirmDunningLetterDelivery command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        DunningLetterSent letter = letters.get(command.letterId());
        if (letter == null) {
            throw new RuleViolation(Rule.UNKNOWN_LETTER, "no dunning letter " + command.letterId() + " was sent to " + customerId);
        }
        if (command.occurredOn().isBefore(letter.occurredOn())) {
            throw new RuleViolation(Rule.DELIVERY_BEFORE_SENDING, "letter " + command.letterId() + " was sent on "
                    + letter.occurredOn() + "; it cannot have been delivered on " + command.occurredOn());
        }
        if (deliveredLetters.contains(command.letterId())) {
            throw new RuleViolation(Rule.LETTER_ALREADY_DELIVERED, "the delivery of letter " + command.letterId() + " is already recorded");
        }
        apply(new DunningLetterDelivered(customerId, command.letterId(), command.occurredOn(), command.receivedBy(), command.proofRef()));
    }

    @CommandHandler
    void handle(RecordGuarantee command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("guarantee:" + command.guaranteeId()), "guarantee", command.guaranteeId());
        apply(new GuaranteeRecorded(customerId, command.guaranteeId(), command.occurredOn(), command.kind(), command.guarantor(),
                command.amountCovered(), command.registrationRef(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordAssetLead command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(usedIds.contains("lead:" + command.leadId()), "asset lead", command.leadId());
        apply(new AssetLeadRecorded(customerId, command.leadId(), command.occurredOn(), command.kind(), command.description(), command.source()));
    }

    @CommandHandler
    void handle(FileLawsuit command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        requireUnused(openCases.containsKey(command.caseId()) || closedCases.contains(command.caseId()), "legal case", command.caseId());
        List<Invoice> claimed = pursuable(command.invoiceIds());
        if (claimed.stream().noneMatch(invoice -> invoice.overdueOn(command.occurredOn()))) {
            throw new RuleViolation(Rule.NOTHING_OVERDUE, "nothing on invoices " + command.invoiceIds() + " is overdue on "
                    + command.occurredOn() + "; a claim needs a debt that has fallen due");
        }
        apply(new LawsuitFiled(customerId, command.caseId(), command.occurredOn(), command.forum(), command.body(),
                command.invoiceIds(), command.claimAmount(), command.preservationRequested(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordLegalStep command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        if (closedCases.contains(command.caseId())) {
            throw new RuleViolation(Rule.CASE_CLOSED, "case " + command.caseId() + " is closed");
        }
        LawsuitFiled lawsuit = openCases.get(command.caseId());
        if (lawsuit == null) {
            throw new RuleViolation(Rule.UNKNOWN_CASE, "no case " + command.caseId() + " was filed against " + customerId);
        }
        if (command.occurredOn().isBefore(lawsuit.occurredOn())) {
            throw new RuleViolation(Rule.STEP_BEFORE_FILING, "case " + command.caseId() + " was filed on " + lawsuit.occurredOn());
        }
        requireUnused(usedIds.contains("step:" + command.stepId()), "legal step", command.stepId());
        apply(new LegalStepRecorded(customerId, command.caseId(), command.stepId(), command.occurredOn(), command.step(),
                command.amount(), command.description(), command.documentRef()));
    }

    @CommandHandler
    void handle(WriteOffReceivable command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        Invoice invoice = knownInvoice(command.invoiceId());
        requireUnused(usedIds.contains("write-off:" + command.writeOffId()), "write-off", command.writeOffId());
        requireCurrency(invoice.currency, command.amount());
        if (command.amount().exceeds(invoice.open())) {
            throw new RuleViolation(Rule.WRITE_OFF_EXCEEDS_OPEN_AMOUNT, "writing off " + command.amount() + " exceeds the "
                    + invoice.open() + " open on invoice " + invoice.invoiceId);
        }
        List<Allocation> writtenOff = new AllocationPlan(invoice.terms.values(), invoice.currency).allocate(command.amount(), invoice.invoiceId);
        apply(new ReceivableWrittenOff(customerId, command.invoiceId(), command.writeOffId(), command.occurredOn(), command.amount(),
                command.reason(), writtenOff));
    }

    @CommandHandler
    void handle(RecordRecoveryAfterWriteOff command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        Invoice invoice = knownInvoice(command.invoiceId());
        requireUnused(usedIds.contains("recovery:" + command.recoveryId()), "recovery", command.recoveryId());
        if (!invoice.writtenOff()) {
            throw new RuleViolation(Rule.NOTHING_WRITTEN_OFF, "invoice " + invoice.invoiceId + " was not written off; record a payment instead");
        }
        requireCurrency(invoice.currency, command.amount());
        Money recoverable = invoice.writtenOff.minus(invoice.recovered);
        if (command.amount().exceeds(recoverable)) {
            throw new RuleViolation(Rule.RECOVERY_EXCEEDS_WRITTEN_OFF, "recovering " + command.amount() + " exceeds the "
                    + recoverable + " written off and not yet recovered on invoice " + invoice.invoiceId);
        }
        apply(new RecoveryAfterWriteOffRecorded(customerId, command.invoiceId(), command.recoveryId(), command.occurredOn(),
                command.amount(), command.reference()));
    }

    /**
     * The facts a business day produces once it has come (see {@link BusinessDayClose}). Each is
     * recorded once: state remembers what was recorded, so closing a day again, or an earlier day
     * after a later one, adds nothing.
     */
    @CommandHandler
    void handle(CloseBusinessDay command, BusinessCalendar calendar, CollectionPolicy policy) {
        LocalDate day = command.businessDate();
        calendar.requireNotInFuture(day);
        BusinessDayClose close = new BusinessDayClose(customerId, day, policy);
        close.judgePromises(promises.values(), payments.values(), reversedPayments).forEach(AggregateLifecycle::apply);
        close.stagesReached(collectableTerms().toList()).forEach(AggregateLifecycle::apply);
        close.lateFees(invoices.values(), contracts).ifPresent(AggregateLifecycle::apply);
        if (!ordersHeld) {
            longOverdue(day, policy).map(close::ordersHeld).ifPresent(AggregateLifecycle::apply);
        } else {
            releaseOrdersIfNothingLongOverdue(day, policy, "nothing is open more than " + policy.orderHoldDaysPastDue() + " days past due");
        }
    }

    /** The named invoices, each known and not written off: a written-off receivable takes no collection action but recovery. */
    private List<Invoice> pursuable(List<String> invoiceIds) {
        List<Invoice> found = new ArrayList<>();
        for (String invoiceId : invoiceIds) {
            Invoice invoice = knownInvoice(invoiceId);
            if (invoice.writtenOff()) {
                throw new RuleViolation(Rule.RECEIVABLE_WRITTEN_OFF, "invoice " + invoiceId
                        + " was written off; only a recovery may be recorded on it");
            }
            found.add(invoice);
        }
        return found;
    }

    private Money disputedOn(String invoiceId) {
        String currency = invoices.get(invoiceId).currency;
        return openDisputes.values().stream().filter(d -> d.invoiceId().equals(invoiceId))
                .map(DisputeRaised::amount).reduce(Money.zero(currency), Money::plus);
    }

    private LawsuitFiled lawsuitOver(String invoiceId) {
        return openCases.values().stream().filter(c -> c.invoiceIds().contains(invoiceId)).findFirst().orElse(null);
    }

    /** The payer's instructions first, each within its invoice in the legal order; the rest by the legal order over all. */
    private List<Allocation> allocate(Money amount, List<AllocationInstruction> instructions) {
        AllocationPlan plan = new AllocationPlan(collectableTerms().toList(), amount.currency());
        List<Allocation> allocations = new ArrayList<>();
        Money instructed = Money.zero(amount.currency());
        for (AllocationInstruction instruction : instructions) {
            Invoice invoice = pursuable(List.of(instruction.invoiceId())).get(0);
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
        // Early: everything it paid was not yet due. Anything else breaks the run of early payments.
        boolean early = !event.allocations().isEmpty() && event.allocations().stream()
                .allMatch(a -> invoices.get(a.invoiceId()).terms.get(a.termId()).dueDate.isAfter(event.occurredOn()));
        if (early) {
            earlyPayments.add(event.paymentId());
        } else if (!event.allocations().isEmpty()) {
            earlyPayments.clear();
        }
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

    @EventSourcingHandler
    void on(CreditLimitSet event) {
        creditLimit = event.limit();
    }

    @EventSourcingHandler
    void on(CreditLimitRaised event) {
        creditLimit = event.limit();
        earlyPayments.clear();
    }

    @EventSourcingHandler
    void on(ContactAttemptLogged event) {
        usedIds.add("contact:" + event.contactId());
    }

    @EventSourcingHandler
    void on(EarlyWarningFlagged event) {
        usedIds.add("warning:" + event.warningId());
    }

    @EventSourcingHandler
    void on(SupplySuspended event) {
        supplySuspended = true;
    }

    @EventSourcingHandler
    void on(SupplyResumed event) {
        supplySuspended = false;
    }

    @EventSourcingHandler
    void on(PaymentPromiseRecorded event) {
        promises.put(event.promiseId(), new PromiseState(event));
    }

    @EventSourcingHandler
    void on(PaymentPromiseKept event) {
        promises.get(event.promiseId()).outcome = PromiseOutcome.KEPT;
    }

    @EventSourcingHandler
    void on(PaymentPromisePartiallyKept event) {
        promises.get(event.promiseId()).outcome = PromiseOutcome.PARTIALLY_KEPT;
    }

    @EventSourcingHandler
    void on(PaymentPromiseBroken event) {
        promises.get(event.promiseId()).outcome = PromiseOutcome.BROKEN;
    }

    @EventSourcingHandler
    void on(PaymentPromiseOutcomeCorrected event) {
        promises.get(event.promiseId()).outcome = event.corrected();
    }

    @EventSourcingHandler
    void on(PaymentPlanAgreed event) {
        event.rescheduled().forEach(this::settle);
        invoices.put(event.planId(), new Invoice(event));
    }

    @EventSourcingHandler
    void on(DisputeRaised event) {
        openDisputes.put(event.disputeId(), event);
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        openDisputes.remove(event.disputeId());
        usedIds.add("dispute:" + event.disputeId());
    }

    @EventSourcingHandler
    void on(DunningLetterSent event) {
        letters.put(event.letterId(), event);
    }

    @EventSourcingHandler
    void on(DunningLetterDelivered event) {
        deliveredLetters.add(event.letterId());
    }

    @EventSourcingHandler
    void on(GuaranteeRecorded event) {
        usedIds.add("guarantee:" + event.guaranteeId());
    }

    @EventSourcingHandler
    void on(AssetLeadRecorded event) {
        usedIds.add("lead:" + event.leadId());
    }

    @EventSourcingHandler
    void on(LawsuitFiled event) {
        openCases.put(event.caseId(), event);
    }

    @EventSourcingHandler
    void on(LegalStepRecorded event) {
        usedIds.add("step:" + event.stepId());
        if (event.step() == LegalStep.CASE_CLOSED) {
            openCases.remove(event.caseId());
            closedCases.add(event.caseId());
        }
    }

    @EventSourcingHandler
    void on(ReceivableWrittenOff event) {
        usedIds.add("write-off:" + event.writeOffId());
        event.writtenOff().forEach(this::settle);
        Invoice invoice = invoices.get(event.invoiceId());
        invoice.writtenOff = invoice.writtenOff.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RecoveryAfterWriteOffRecorded event) {
        usedIds.add("recovery:" + event.recoveryId());
        Invoice invoice = invoices.get(event.invoiceId());
        invoice.recovered = invoice.recovered.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CollectionStageReached event) {
        invoices.get(event.invoiceId()).terms.get(event.termId()).stage = event.stage();
    }

    @EventSourcingHandler
    void on(LateFeesAccrued event) {
        for (LateFeeAccrual accrual : event.accruals()) {
            OpenTerm term = invoices.get(accrual.invoiceId()).terms.get(accrual.termId());
            term.reopen(new Allocation(accrual.invoiceId(), accrual.termId(), Allocation.Component.LATE_FEES, accrual.amount()));
            term.lateFeesAccrued = term.lateFeesAccrued.plus(accrual.amount());
            term.accruedThrough = accrual.accruedThrough();
        }
    }

    @EventSourcingHandler
    void on(OrdersHeld event) {
        ordersHeld = true;
    }

    @EventSourcingHandler
    void on(OrdersReleased event) {
        ordersHeld = false;
    }

    private void settle(Allocation allocation) {
        invoices.get(allocation.invoiceId()).terms.get(allocation.termId()).settle(allocation);
    }
}
