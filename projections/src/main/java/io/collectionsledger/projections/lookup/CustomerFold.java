package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.customer.CorrespondenceAddress;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility;
import io.collectionsledger.contracts.customer.ResponsiblePersonChanged;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.lookup.AssetLead;
import io.collectionsledger.contracts.lookup.Contract;
import io.collectionsledger.contracts.lookup.CustomerFile;
import io.collectionsledger.contracts.lookup.CustomerLine;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.Delivery;
import io.collectionsledger.contracts.lookup.Dispute;
import io.collectionsledger.contracts.lookup.Guarantee;
import io.collectionsledger.contracts.lookup.Invoice;
import io.collectionsledger.contracts.lookup.Invoice.AllocationReceived.Source;
import io.collectionsledger.contracts.lookup.LegalCase;
import io.collectionsledger.contracts.lookup.Letter;
import io.collectionsledger.contracts.lookup.Payment;
import io.collectionsledger.contracts.lookup.Plan;
import io.collectionsledger.contracts.lookup.Promise;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One customer's records, folded from the facts that qualify (happened by {@code asOf}, recorded
 * by {@code knownAt}) in the order they were recorded. Pure: no database, no clock. A fact that
 * names a record the fold has not seen (a payment recorded before issue 17 and dated before the
 * invoice it paid, read as of a date between them) leaves what it cannot find alone.
 */
final class CustomerFold {

    /** The facts the fold reads; the read model keeps no other. */
    static final Set<Class<? extends AccountEvent>> FACTS = Set.of(CustomerRegistered.class, CollectorAssigned.class,
            CreditLimitSet.class, CreditLimitRaised.class, CreditLimitRaiseWithdrawn.class, SupplySuspended.class, SupplyResumed.class,
            OrdersHeld.class, OrdersReleased.class, OrdersHoldWithdrawn.class, ReceivableClassified.class, ContractRecorded.class, DeliveryRecorded.class, DeliveryCorrected.class,
            InvoiceIssued.class, CreditNoteIssued.class, PaymentRecorded.class, PaymentReversed.class, UnappliedCreditApplied.class,
            UnappliedCreditRefunded.class, LateFeesAccrued.class, LateFeesCorrected.class, PaymentPlanAgreed.class, PaymentPromiseRecorded.class,
            PaymentPromiseKept.class, PaymentPromisePartiallyKept.class, PaymentPromiseBroken.class,
            PaymentPromiseOutcomeCorrected.class, DisputeRaised.class, DisputeResolved.class, DunningLetterSent.class,
            DunningLetterDelivered.class, GuaranteeRecorded.class, AssetLeadRecorded.class, LawsuitFiled.class,
            LegalStepRecorded.class, ReceivableWrittenOff.class, RecoveryAfterWriteOffRecorded.class, EarlyWarningFlagged.class,
            ResponsiblePersonChanged.class, CorrespondenceAddressRecorded.class);

    /** A fact as kept: the event, and when it was recorded. */
    record Fact(AccountEvent event, Instant recordedAt) {
    }

    private final LocalDate asOf;
    /** The legal cap's schedule as known at the query's time, for the fees accrued since the last recorded day. */
    private final LegalLateFeeCaps legalCaps;

    private CustomerRegistered registered;
    private Instant registeredAt;
    private CorrespondenceAddress address;
    private String collector;
    private ReminderTier tier;
    /** The limits set and raised, not withdrawn: the one of the latest day counts (a raise after a setting of its day). */
    private final List<Limit> limits = new ArrayList<>();
    private boolean suspended;
    private LocalDate supplyChangedOn;
    private String supplyReason;
    /** The first day of each hold on new orders not released by {@code asOf} nor withdrawn, with its release if any. */
    private final List<LocalDate[]> holds = new ArrayList<>();
    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final Map<String, DeliveryState> deliveries = new LinkedHashMap<>();
    private final Map<String, InvoiceState> invoices = new LinkedHashMap<>();
    private final Map<String, PlanState> plans = new LinkedHashMap<>();
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, PromiseState> promises = new LinkedHashMap<>();
    private final Map<String, Dispute> disputes = new LinkedHashMap<>();
    private final Map<String, Letter> letters = new LinkedHashMap<>();
    private final Map<String, Guarantee> guarantees = new LinkedHashMap<>();
    private final Map<String, AssetLead> assetLeads = new LinkedHashMap<>();
    private final Map<String, CaseState> cases = new LinkedHashMap<>();
    private final Map<String, Money> unapplied = new TreeMap<>();
    private final Map<Responsibility, String> responsible = new EnumMap<>(Responsibility.class);
    private final List<CustomerFile.EarlyWarning> earlyWarnings = new ArrayList<>();
    private final List<CustomerFile.ResponsiblePersonChange> responsiblePersonChanges = new ArrayList<>();

    private CustomerFold(LocalDate asOf, LegalLateFeeCaps legalCaps) {
        this.asOf = asOf;
        this.legalCaps = legalCaps;
    }

    /** The customer's records; null when its registration is not among the facts. */
    static CustomerRecords fold(String customerId, LocalDate asOf, Instant knownAt, List<Fact> facts, LegalLateFeeCaps legalCaps) {
        CustomerFold fold = new CustomerFold(asOf, legalCaps);
        for (Fact fact : facts) {
            if (!fact.event().occurredOn().isAfter(asOf) && !fact.recordedAt().isAfter(knownAt)) {
                fold.apply(fact.event(), fact.recordedAt());
            }
        }
        return fold.registered == null ? null : fold.records(customerId, knownAt);
    }

    /** The customer as a list shows it. */
    static CustomerLine line(CustomerRecords records) {
        CustomerFile file = records.file();
        return new CustomerLine(file.customerId(), file.name(), file.collector(), file.tier(), file.receivableClasses(),
                file.totals().stream().map(CustomerFile.CurrencyTotals::open).filter(open -> open.signum() != 0).toList());
    }

    private void apply(AccountEvent event, Instant at) {
        if (event instanceof CustomerRegistered e) {
            registered = e;
            registeredAt = at;
            if (e.creditFile() != null && e.creditFile().responsibleForPayment() != null) {
                responsible.put(Responsibility.RESPONSIBLE_FOR_PAYMENT, e.creditFile().responsibleForPayment());
            }
        } else if (event instanceof EarlyWarningFlagged e) {
            earlyWarnings.add(new CustomerFile.EarlyWarning(e.warningId(), e.occurredOn(), at, e.signal(), e.note()));
        } else if (event instanceof ResponsiblePersonChanged e) {
            responsible.put(e.responsibility(), e.person());
            responsiblePersonChanges.add(new CustomerFile.ResponsiblePersonChange(e.changeId(), e.occurredOn(), at, e.responsibility(),
                    e.previous(), e.person(), e.source()));
        } else if (event instanceof CorrespondenceAddressRecorded e) {
            // the latest dated replaces the earlier ones, whichever order they were recorded in
            if (address == null || !e.occurredOn().isBefore(address.since())) {
                address = new CorrespondenceAddress(e.occurredOn(), at, e.postalAddress(), e.postcode(), e.contactPerson(), e.contactPhone());
            }
        } else if (event instanceof CollectorAssigned e) {
            collector = e.collector();
            tier = e.tier();
        } else if (event instanceof CreditLimitSet e) {
            limits.add(new Limit(e.occurredOn(), false, e.limit(), List.of()));
        } else if (event instanceof CreditLimitRaised e) {
            limits.add(new Limit(e.occurredOn(), true, e.limit(), e.earlyPaymentIds()));
        } else if (event instanceof CreditLimitRaiseWithdrawn e) {
            limits.remove(new Limit(e.occurredOn(), true, e.limit(), e.earlyPaymentIds()));
        } else if (event instanceof SupplySuspended e) {
            supply(true, e.occurredOn(), e.reason());
        } else if (event instanceof SupplyResumed e) {
            supply(false, e.occurredOn(), e.reason());
        } else if (event instanceof OrdersHeld e) {
            holds.add(new LocalDate[]{e.occurredOn(), null});
        } else if (event instanceof OrdersReleased e) {
            // a release ends the hold still lasting that began last on or before its day (holds recorded late come in any order)
            holds.stream().filter(h -> h[1] == null && !h[0].isAfter(e.occurredOn())).max(java.util.Comparator.comparing((LocalDate[] h) -> h[0]))
                    .ifPresent(h -> h[1] = e.occurredOn());
        } else if (event instanceof OrdersHoldWithdrawn e) {
            // its release, if one was recorded, may be after asOf and so not read
            holds.stream().filter(h -> h[0].equals(e.occurredOn()) && (h[1] == null || h[1].equals(e.releasedOn()))).findFirst()
                    .ifPresent(holds::remove);
        } else if (event instanceof ReceivableClassified e) {
            invoice(e.invoiceId(), invoice -> invoice.receivableClass = e.receivableClass());
        } else if (event instanceof ContractRecorded e) {
            contracts.put(e.contractId(), new Contract(e.contractId(), e.occurredOn(), at, e.validity(),
                    e.paymentTerms(), e.lateFees(), e.disputeClause(), e.documentRef()));
        } else if (event instanceof DeliveryRecorded e) {
            deliveries.put(e.deliveryId(), new DeliveryState(e, at));
        } else if (event instanceof DeliveryCorrected e) {
            DeliveryState delivery = deliveries.get(e.deliveryId());
            if (delivery != null) {
                delivery.details = e.corrected();
                delivery.corrections.add(new Delivery.Correction(e.occurredOn(), at, e.reason(), e.previous(), e.corrected()));
            }
        } else if (event instanceof InvoiceIssued e) {
            invoices.put(e.invoiceId(), new InvoiceState(e, at));
        } else if (event instanceof CreditNoteIssued e) {
            e.reductions().forEach(reduction -> settle(reduction, e.occurredOn(), false));
            invoice(e.invoiceId(), invoice -> invoice.creditNotes.add(new Invoice.CreditNote(e.creditNoteId(), e.occurredOn(), at,
                    e.amount(), e.reason(), e.reductions())));
        } else if (event instanceof PaymentRecorded e) {
            allocate(Source.PAYMENT, e.paymentId(), e.occurredOn(), e.allocations(), false);
            credit(e.unapplied());
            payments.put(e.paymentId(), new Payment(e.paymentId(), e.occurredOn(), at, e.amount(), e.method(), e.reference(),
                    e.allocations(), e.unapplied(), null));
        } else if (event instanceof PaymentReversed e) {
            allocate(Source.PAYMENT_REVERSAL, e.paymentId(), e.occurredOn(), e.reopened(), true);
            credit(e.unappliedReversed().negate());
            payments.computeIfPresent(e.paymentId(), (id, p) -> new Payment(id, p.occurredOn(), p.recordedAt(), p.amount(),
                    p.method(), p.reference(), p.allocations(), p.unapplied(),
                    new Payment.Reversal(e.occurredOn(), at, e.reason(), e.reopened(), e.unappliedReversed())));
        } else if (event instanceof UnappliedCreditApplied e) {
            // what the ledger applied of a payment dated before the invoice is that payment's, on the invoice's date
            if (e.paymentId() == null) {
                allocate(Source.CREDIT_APPLICATION, e.applicationId(), e.occurredOn(), e.allocations(), false);
            } else {
                allocate(Source.PAYMENT, e.paymentId(), e.occurredOn(), e.allocations(), false);
            }
            credit(e.amount().negate());
        } else if (event instanceof UnappliedCreditRefunded e) {
            credit(e.amount().negate());
        } else if (event instanceof LateFeesAccrued e) {
            e.accruals().forEach(accrual -> accrue(e.occurredOn(), accrual));
        } else if (event instanceof LateFeesCorrected e) {
            e.corrections().forEach(correction -> correct(e.occurredOn(), e.reason(), correction));
        } else if (event instanceof PaymentPlanAgreed e) {
            for (Allocation moved : e.rescheduled()) {
                TermState term = term(moved.invoiceId(), moved.termId());
                if (term != null) {
                    term.settle(moved, e.occurredOn(), false);
                    term.rescheduled = term.rescheduled.plus(moved.amount());
                }
            }
            plans.put(e.planId(), new PlanState(e, at));
        } else if (event instanceof PaymentPromiseRecorded e) {
            promises.put(e.promiseId(), new PromiseState(e, at));
        } else if (event instanceof PaymentPromiseKept e) {
            outcome(e.promiseId(), new Promise.Outcome(e.occurredOn(), at, PromiseOutcome.KEPT,
                    e.received(), e.shortfall(), null));
        } else if (event instanceof PaymentPromisePartiallyKept e) {
            outcome(e.promiseId(), new Promise.Outcome(e.occurredOn(), at,
                    PromiseOutcome.PARTIALLY_KEPT, e.received(), e.shortfall(), null));
        } else if (event instanceof PaymentPromiseBroken e) {
            outcome(e.promiseId(), new Promise.Outcome(e.occurredOn(), at, PromiseOutcome.BROKEN,
                    e.received(), e.shortfall(), null));
        } else if (event instanceof PaymentPromiseOutcomeCorrected e) {
            outcome(e.promiseId(), new Promise.Outcome(e.occurredOn(), at, e.corrected(),
                    e.received(), e.shortfall(), e.paymentId()));
        } else if (event instanceof DisputeRaised e) {
            disputes.put(e.disputeId(), new Dispute(e.disputeId(), e.invoiceId(), e.occurredOn(), at, e.amount(), e.reason(),
                    e.description(), null));
        } else if (event instanceof DisputeResolved e) {
            disputes.computeIfPresent(e.disputeId(), (id, d) -> new Dispute(id, d.invoiceId(), d.occurredOn(),
                    d.recordedAt(), d.amount(), d.reason(), d.description(),
                    new Dispute.Resolution(e.occurredOn(), at, e.resolution(), e.amount(), e.description())));
        } else if (event instanceof DunningLetterSent e) {
            letters.put(e.letterId(), new Letter(e.letterId(), e.occurredOn(), at, e.level(), e.invoiceIds(),
                    e.amountDemanded(), e.lateFeesDemanded(), e.deadline(), e.rightsReserved(), e.courier(), e.waybill(),
                    e.documentRef(), null));
        } else if (event instanceof DunningLetterDelivered e) {
            letters.computeIfPresent(e.letterId(), (id, l) -> new Letter(id, l.occurredOn(),
                    l.recordedAt(), l.level(), l.invoiceIds(), l.amountDemanded(), l.lateFeesDemanded(), l.deadline(),
                    l.rightsReserved(), l.courier(), l.waybill(), l.documentRef(),
                    new Letter.Delivered(e.occurredOn(), at, e.receivedBy(), e.proofRef())));
        } else if (event instanceof GuaranteeRecorded e) {
            guarantees.put(e.guaranteeId(), new Guarantee(e.guaranteeId(), e.occurredOn(), at, e.kind(),
                    e.guarantor(), e.amountCovered(), e.registrationRef(), e.documentRef()));
        } else if (event instanceof AssetLeadRecorded e) {
            assetLeads.put(e.leadId(), new AssetLead(e.leadId(), e.occurredOn(), at, e.kind(),
                    e.description(), e.source()));
        } else if (event instanceof LawsuitFiled e) {
            cases.put(e.caseId(), new CaseState(e, at));
        } else if (event instanceof LegalStepRecorded e) {
            CaseState legalCase = cases.get(e.caseId());
            if (legalCase != null) {
                legalCase.steps.add(new LegalCase.Step(e.stepId(), e.occurredOn(), at, e.step(), e.amount(), e.description(),
                        e.documentRef()));
            }
        } else if (event instanceof ReceivableWrittenOff e) {
            e.writtenOff().forEach(part -> settle(part, e.occurredOn(), false));
            invoice(e.invoiceId(), invoice -> invoice.writtenOff = true);
            invoice(e.invoiceId(), invoice -> invoice.writeOffs.add(new Invoice.WriteOff(e.writeOffId(), e.occurredOn(), at,
                    e.amount(), e.reason(), e.writtenOff())));
        } else if (event instanceof RecoveryAfterWriteOffRecorded e) {
            invoice(e.invoiceId(), invoice -> invoice.recoveries.add(
                    new Invoice.Recovery(e.recoveryId(), e.occurredOn(), at, e.amount(), e.reference())));
        }
    }

    private void supply(boolean suspended, LocalDate on, String reason) {
        this.suspended = suspended;
        this.supplyChangedOn = on;
        this.supplyReason = reason;
    }

    private void invoice(String invoiceId, java.util.function.Consumer<InvoiceState> change) {
        InvoiceState invoice = invoices.get(invoiceId);
        if (invoice != null) {
            change.accept(invoice);
        }
    }

    /** The term of an invoice, or the installment of a plan, an allocation names. */
    private TermState term(String receivableId, String termId) {
        InvoiceState invoice = invoices.get(receivableId);
        if (invoice != null) {
            return invoice.terms.get(termId);
        }
        PlanState plan = plans.get(receivableId);
        return plan == null ? null : plan.installments.get(termId);
    }

    private void settle(Allocation allocation, LocalDate on, boolean reopen) {
        TermState term = term(allocation.invoiceId(), allocation.termId());
        if (term != null) {
            term.settle(allocation, on, reopen);
        }
    }

    private void allocate(Source source, String sourceId, LocalDate on, List<Allocation> allocations, boolean reopen) {
        for (Allocation allocation : allocations) {
            settle(allocation, on, reopen);
            invoice(allocation.invoiceId(), invoice -> invoice.allocations.add(new Invoice.AllocationReceived(source, sourceId, on,
                    allocation.termId(), allocation.component(), allocation.amount())));
        }
    }

    private void accrue(LocalDate on, LateFeeAccrual accrual) {
        TermState term = term(accrual.invoiceId(), accrual.termId());
        if (term != null) {
            term.feesAccrued = term.feesAccrued.plus(accrual.amount());
            term.feesOpen = term.feesOpen.plus(accrual.amount());
            if (term.feesThrough == null || accrual.accruedThrough().isAfter(term.feesThrough)) {
                term.feesThrough = accrual.accruedThrough();
            }
        }
        invoice(accrual.invoiceId(), invoice -> invoice.lateFees.add(new Invoice.LateFee(on, accrual.termId(), accrual.amount(),
                accrual.days(), accrual.accruedThrough(), accrual.capped())));
    }

    /** Fees taken back leave the term; what had already paid them is the customer's credit. */
    private void correct(LocalDate on, String reason, LateFeeCorrection correction) {
        TermState term = term(correction.invoiceId(), correction.termId());
        if (term != null) {
            term.feesAccrued = term.feesAccrued.minus(correction.takenBack());
            term.feesOpen = term.feesOpen.minus(correction.openTakenBack());
        }
        credit(correction.credited());
        invoice(correction.invoiceId(), invoice -> invoice.lateFeeCorrections.add(new Invoice.LateFeeCorrection(on, correction.termId(),
                correction.accruedThrough(), correction.recorded(), correction.cap(), correction.takenBack(), correction.credited(), reason)));
    }

    private void credit(Money change) {
        unapplied.merge(change.currency(), change, Money::plus);
    }

    private void outcome(String promiseId, Promise.Outcome outcome) {
        PromiseState promise = promises.get(promiseId);
        if (promise != null) {
            promise.outcomes.add(outcome);
        }
    }

    // ------------------------------------------------------------------ what the fold answers

    /** The limit of the latest day, whatever the order recorded: a raise counts after a setting of its day. */
    private Money creditLimit() {
        return limits.stream().max(java.util.Comparator.comparing(Limit::on).thenComparing(Limit::raise)).map(Limit::limit).orElse(null);
    }

    /** A limit set, or raised by the early payments it names. */
    private record Limit(LocalDate on, boolean raise, Money limit, List<String> earlyPaymentIds) {
    }

    private CustomerRecords records(String customerId, Instant knownAt) {
        List<Dispute> allDisputes = List.copyOf(disputes.values());
        List<Invoice> invoiceList = invoices.values().stream().map(invoice -> invoice.snapshot(allDisputes)).toList();
        List<Plan> planList = plans.values().stream().map(PlanState::snapshot).toList();
        List<Promise> promiseList = promises.values().stream().map(PromiseState::snapshot).toList();
        List<LegalCase> caseList = cases.values().stream().map(CaseState::snapshot).toList();
        CustomerFile file = new CustomerFile(customerId, asOf, knownAt, registered.name(), registered.registrationNumber(),
                registered.occurredOn(), registeredAt, registered.creditFile(), address, collector, tier, creditLimit(),
                new CustomerFile.Supply(suspended, supplyChangedOn, supplyReason, holds.stream().anyMatch(h -> h[1] == null)),
                classes(invoiceList), totals(invoiceList, planList),
                (int) promiseList.stream().filter(promise -> promise.outcome() == null).count(),
                (int) allDisputes.stream().filter(dispute -> dispute.resolution() == null).count(),
                letters.size(), caseList.size(),
                new CustomerFile.Responsible(responsible.get(Responsibility.LEGAL_REPRESENTATIVE),
                        responsible.get(Responsibility.RESPONSIBLE_FOR_PAYMENT)),
                List.copyOf(earlyWarnings), List.copyOf(responsiblePersonChanges));
        return new CustomerRecords(file, List.copyOf(contracts.values()),
                deliveries.values().stream().map(DeliveryState::snapshot).toList(), invoiceList, List.copyOf(payments.values()),
                promiseList, planList, allDisputes, List.copyOf(letters.values()), List.copyOf(guarantees.values()),
                List.copyOf(assetLeads.values()), caseList);
    }

    /** The classes of the invoices with principal open, in the classes' order. */
    private static List<ReceivableClass> classes(List<Invoice> invoices) {
        EnumSet<ReceivableClass> classes = EnumSet.noneOf(ReceivableClass.class);
        invoices.stream().filter(invoice -> invoice.open().signum() > 0).forEach(invoice -> classes.add(invoice.receivableClass()));
        return List.copyOf(classes);
    }

    private List<CustomerFile.CurrencyTotals> totals(List<Invoice> invoices, List<Plan> plans) {
        Map<String, Totals> byCurrency = new TreeMap<>();
        Function<String, Totals> totals = currency -> byCurrency.computeIfAbsent(currency, Totals::new);
        for (Invoice invoice : invoices) {
            Totals in = totals.apply(invoice.amount().currency());
            in.open = in.open.plus(invoice.open());
            in.overdue = in.overdue.plus(invoice.overdue());
            in.fees = in.fees.plus(invoice.lateFeesOpen());
            in.disputed = in.disputed.plus(invoice.disputed());
        }
        for (Plan plan : plans) {
            Totals in = totals.apply(plan.open().currency());
            for (Plan.InstallmentDue installment : plan.installments()) {
                in.open = in.open.plus(installment.principalOpen());
                in.fees = in.fees.plus(installment.interestOpen());
                if (installment.daysPastDue() > 0) {
                    in.overdue = in.overdue.plus(installment.principalOpen());
                }
            }
        }
        unapplied.forEach((currency, credit) -> totals.apply(currency).credit = credit);
        return byCurrency.values().stream().map(t -> new CustomerFile.CurrencyTotals(t.currency, t.open, t.overdue, t.fees,
                t.disputed, t.credit)).toList();
    }

    private int daysPastDue(LocalDate dueDate, Money open) {
        return open.signum() > 0 && asOf.isAfter(dueDate) ? (int) ChronoUnit.DAYS.between(dueDate, asOf) : 0;
    }

    private static final class Totals {
        final String currency;
        Money open;
        Money overdue;
        Money fees;
        Money disputed;
        Money credit;

        Totals(String currency) {
            this.currency = currency;
            this.open = Money.zero(currency);
            this.overdue = open;
            this.fees = open;
            this.disputed = open;
            this.credit = open;
        }
    }

    /** What is open on one term of an invoice or one installment of a plan. */
    private static final class TermState {
        final String termId;
        final Money amount;
        final LocalDate dueDate;
        Money principalOpen;
        Money feesAccrued;
        Money feesOpen;
        Money rescheduled;
        /** How the open principal changed, by the business date of the fact: the fees of each day are on that day's. */
        final Map<LocalDate, Money> principalChanges = new TreeMap<>();
        /** The last day the fees recorded run through; null while none was. */
        LocalDate feesThrough;

        TermState(String termId, Money amount, LocalDate dueDate) {
            this.termId = termId;
            this.amount = amount;
            this.dueDate = dueDate;
            this.principalOpen = amount;
            this.feesAccrued = Money.zero(amount.currency());
            this.feesOpen = feesAccrued;
            this.rescheduled = feesAccrued;
        }

        /** Collection costs are never charged to a term, so only principal and late fees move. */
        void settle(Allocation allocation, LocalDate on, boolean reopen) {
            Money change = reopen ? allocation.amount() : allocation.amount().negate();
            switch (allocation.component()) {
                case PRINCIPAL -> {
                    principalOpen = principalOpen.plus(change);
                    principalChanges.merge(on, change, Money::plus);
                }
                case LATE_FEES -> feesOpen = feesOpen.plus(change);
                case COLLECTION_COSTS -> {
                    // nothing charges collection costs to a term yet
                }
            }
        }
    }

    private final class InvoiceState {
        final InvoiceIssued issued;
        final Instant recordedAt;
        ReceivableClass receivableClass = ReceivableClass.CURRENT;
        boolean writtenOff;
        final Map<String, TermState> terms = new LinkedHashMap<>();
        final List<Invoice.AllocationReceived> allocations = new ArrayList<>();
        final List<Invoice.CreditNote> creditNotes = new ArrayList<>();
        final List<Invoice.LateFee> lateFees = new ArrayList<>();
        final List<Invoice.LateFeeCorrection> lateFeeCorrections = new ArrayList<>();
        final List<Invoice.WriteOff> writeOffs = new ArrayList<>();
        final List<Invoice.Recovery> recoveries = new ArrayList<>();

        InvoiceState(InvoiceIssued issued, Instant recordedAt) {
            this.issued = issued;
            this.recordedAt = recordedAt;
            for (InvoiceTerm term : issued.terms()) {
                terms.put(term.termId(), new TermState(term.termId(), term.amount(), term.dueDate()));
            }
        }

        Invoice snapshot(List<Dispute> allDisputes) {
            String currency = issued.amount().currency();
            Money open = Money.zero(currency);
            Money overdue = open;
            Money fees = open;
            List<Invoice.Term> termList = new ArrayList<>();
            for (TermState term : terms.values()) {
                int days = daysPastDue(term.dueDate, term.principalOpen);
                Money accrued = feesAccruedSinceRecorded(this, term);
                open = open.plus(term.principalOpen);
                fees = fees.plus(term.feesOpen).plus(accrued);
                if (days > 0) {
                    overdue = overdue.plus(term.principalOpen);
                }
                termList.add(new Invoice.Term(term.termId, term.amount, term.dueDate, days, term.principalOpen, term.feesAccrued.plus(accrued),
                        term.feesOpen.plus(accrued), term.rescheduled));
            }
            List<Dispute> own = allDisputes.stream().filter(dispute -> dispute.invoiceId().equals(issued.invoiceId())).toList();
            Money disputed = own.stream().filter(dispute -> dispute.resolution() == null).map(Dispute::amount)
                    .reduce(Money.zero(currency), Money::plus);
            return new Invoice(issued.invoiceId(), issued.contractId(), issued.occurredOn(), recordedAt, issued.amount(),
                    issued.deliveryIds(), issued.documentRef(), receivableClass, open, overdue, fees, disputed, termList,
                    List.copyOf(allocations), List.copyOf(creditNotes), own, List.copyOf(lateFees), List.copyOf(lateFeeCorrections), List.copyOf(writeOffs),
                    List.copyOf(recoveries));
        }
    }

    /**
     * The late fees accrued on a term after the last day recorded for it, up to the file's date: the ledger
     * records them only when it must fix an amount, while the file as of any day owes the fees of every day
     * to then ({@link AccruingLateFees}, the account's own calculation). None on a term with nothing open
     * or an invoice written off (the write-off fixed its fees), nor under a contract without late-fee terms.
     */
    private Money feesAccruedSinceRecorded(InvoiceState invoice, TermState term) {
        Contract contract = invoice.issued.contractId() == null ? null : contracts.get(invoice.issued.contractId());
        Money none = Money.zero(term.amount.currency());
        if (contract == null || contract.lateFees() == null || invoice.writtenOff || !term.dueDate.isBefore(asOf)
                || term.principalOpen.plus(term.feesOpen).signum() == 0) {
            return none;
        }
        return new AccruingLateFees(term.dueDate, term.amount, term.principalChanges, contract.lateFees(), legalCaps)
                .after(term.feesAccrued, term.feesThrough, asOf).amount();
    }

    private final class PlanState {
        final PaymentPlanAgreed agreed;
        final Instant recordedAt;
        final Map<String, TermState> installments = new LinkedHashMap<>();

        PlanState(PaymentPlanAgreed agreed, Instant recordedAt) {
            this.agreed = agreed;
            this.recordedAt = recordedAt;
            for (Installment installment : agreed.installments()) {
                TermState term = new TermState(installment.installmentId(), installment.principal(), installment.dueDate());
                // the interest stands where a term's late fees stand, and is paid as they are
                term.feesAccrued = installment.interest();
                term.feesOpen = installment.interest();
                installments.put(installment.installmentId(), term);
            }
        }

        Plan snapshot() {
            List<Plan.InstallmentDue> due = new ArrayList<>();
            String currency = agreed.installments().get(0).principal().currency();
            Money open = Money.zero(currency);
            for (TermState term : installments.values()) {
                open = open.plus(term.principalOpen);
                due.add(new Plan.InstallmentDue(term.termId, term.amount, term.feesAccrued, term.dueDate,
                        daysPastDue(term.dueDate, term.principalOpen), term.principalOpen, term.feesOpen));
            }
            return new Plan(agreed.planId(), agreed.occurredOn(), recordedAt, agreed.invoiceIds(), agreed.rescheduled(),
                    agreed.coversInvoicesInLitigation(), agreed.documentRef(), open, due);
        }
    }

    private static final class DeliveryState {
        final DeliveryRecorded recorded;
        final Instant recordedAt;
        DeliveryDetails details;
        final List<Delivery.Correction> corrections = new ArrayList<>();

        DeliveryState(DeliveryRecorded recorded, Instant recordedAt) {
            this.recorded = recorded;
            this.recordedAt = recordedAt;
            this.details = recorded.details();
        }

        Delivery snapshot() {
            return new Delivery(recorded.deliveryId(), recorded.occurredOn(), recordedAt, details, recorded.details(),
                    List.copyOf(corrections));
        }
    }

    private static final class PromiseState {
        final PaymentPromiseRecorded recorded;
        final Instant recordedAt;
        final List<Promise.Outcome> outcomes = new ArrayList<>();

        PromiseState(PaymentPromiseRecorded recorded, Instant recordedAt) {
            this.recorded = recorded;
            this.recordedAt = recordedAt;
        }

        /** The latest judgement or correction stands. */
        Promise snapshot() {
            PromiseOutcome standing = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1).outcome();
            return new Promise(recorded.promiseId(), recorded.occurredOn(), recordedAt, recorded.amount(), recorded.promisedDate(),
                    recorded.form(), recorded.collector(), recorded.invoiceIds(), recorded.documentRef(), standing,
                    List.copyOf(outcomes));
        }
    }

    private static final class CaseState {
        final LawsuitFiled filed;
        final Instant recordedAt;
        final List<LegalCase.Step> steps = new ArrayList<>();

        CaseState(LawsuitFiled filed, Instant recordedAt) {
            this.filed = filed;
            this.recordedAt = recordedAt;
        }

        LegalCase snapshot() {
            boolean closed = steps.stream().anyMatch(step -> step.step() == LegalStep.CASE_CLOSED);
            return new LegalCase(filed.caseId(), filed.occurredOn(), recordedAt, filed.forum(), filed.body(), filed.invoiceIds(),
                    filed.claimAmount(), filed.preservationRequested(), filed.documentRef(), closed, List.copyOf(steps));
        }
    }
}
