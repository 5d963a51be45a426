package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.payment.AllocationInstruction;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.CollectionStageWithdrawn;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.collectionsledger.ledger.account.Accounts.CUSTOMER;
import static io.collectionsledger.ledger.account.Accounts.TODAY;

/**
 * Records a {@link CustomerHistory} through the account's commands in a shuffled order, with closes
 * of today between them, and reads back what the recorded facts (corrections included) say as of a
 * day, as the reports read them: the service's side of the comparison with the fold.
 */
final class HistoryRecorder {

    static final LocalDate LIMIT_SET_ON = TODAY.minusYears(1).minusDays(30);

    private HistoryRecorder() {
    }

    /**
     * The commands of the history in a random order a client could send them in (an invoice before
     * the payments naming it, the promises after the invoices, which they are checked against), with
     * {@code closes} closes of today among them and one at the end.
     */
    static List<AccountCommand> shuffled(CustomerHistory history, Random random, int closes) {
        List<AccountCommand> invoices = new ArrayList<>();
        Map<String, List<AccountCommand>> paymentsOf = new HashMap<>();
        for (CustomerHistory.Invoice invoice : history.invoices()) {
            invoices.add(new IssueInvoice(CUSTOMER, invoice.id(), invoice.contractId(), invoice.issuedOn(), cny(invoice.amount()),
                    List.of(new InvoiceTerm("T1", cny(invoice.amount()), invoice.dueOn())), List.of(), null));
        }
        for (CustomerHistory.Payment payment : history.payments()) {
            paymentsOf.computeIfAbsent(payment.invoiceId(), id -> new ArrayList<>()).add(new RecordPayment(CUSTOMER, payment.id(),
                    payment.paidOn(), cny(payment.amount()), RecordPayment.Method.BANK_TRANSFER, null,
                    List.of(new AllocationInstruction(payment.invoiceId(), cny(payment.amount())))));
        }
        List<AccountCommand> promises = new ArrayList<>();
        for (CustomerHistory.Promise promise : history.promises()) {
            promises.add(new RecordPaymentPromise(CUSTOMER, promise.id(), promise.recordedOn(), cny(promise.amount()), promise.promisedDate(),
                    RecordPaymentPromise.Form.SPOKEN, null, List.of(), null));
        }
        List<AccountCommand> ready = new ArrayList<>(invoices);
        for (int i = 0; i < closes; i++) {
            ready.add(new CloseBusinessDay(CUSTOMER, TODAY));
        }
        List<AccountCommand> order = new ArrayList<>();
        int invoicesLeft = invoices.size();
        while (!ready.isEmpty()) {
            AccountCommand next = ready.remove(random.nextInt(ready.size()));
            order.add(next);
            if (next instanceof IssueInvoice invoice) {
                ready.addAll(paymentsOf.getOrDefault(invoice.invoiceId(), List.of()));
                if (--invoicesLeft == 0) {
                    ready.addAll(promises);
                }
            }
        }
        if (invoices.isEmpty()) {
            order.addAll(promises);
        }
        order.add(new CloseBusinessDay(CUSTOMER, TODAY));
        return order;
    }

    /** Every event the account recorded for the history, in the order recorded. */
    static List<Object> record(CustomerHistory history, List<AccountCommand> commands) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(new BusinessCalendar(clock, ZoneId.of("Asia/Shanghai")));
        fixture.registerInjectableResource(CollectionPolicy.defaults());
        fixture.given(new CustomerRegistered(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X", LIMIT_SET_ON, CreditFile.empty()),
                        new CreditLimitSet(CUSTOMER, LIMIT_SET_ON, null, cny(history.openingLimit()), "opening limit"))
                .andGiven(history.contracts().stream().map(HistoryRecorder::recorded).toList())
                .andGivenCommands(commands.subList(0, commands.size() - 1))
                .when(commands.get(commands.size() - 1))
                .expectSuccessfulHandlerExecution();
        return fixture.getEventStore().readEvents(CUSTOMER).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /**
     * What the recorded facts say as of the end of {@code day}: a fact withdrawn never counts, whatever its day.
     * Late fees are read as the reports read them: the accruals and corrections dated by then, and the fees
     * accrued after the last day recorded up to {@code day}, by the account's own calculation on the term's
     * principal movements by business date.
     */
    static CustomerHistory.AsOf asOf(List<Object> events, LocalDate day) {
        Map<String, BigDecimal> open = new TreeMap<>();
        Map<String, LateFeeTerms> feeTermsOf = new HashMap<>();
        Map<String, RecordedFees> fees = new TreeMap<>();
        Map<String, Map<CollectionStage, LocalDate>> stages = new HashMap<>();
        List<LocalDate[]> holds = new ArrayList<>();
        List<Object[]> limits = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        Map<String, LocalDate> judgedOn = new HashMap<>();
        for (Object event : events) {
            if (event instanceof ContractRecorded e && e.lateFees() != null) {
                feeTermsOf.put(e.contractId(), e.lateFees());
            } else if (event instanceof InvoiceIssued e && !e.occurredOn().isAfter(day)) {
                open.merge(e.invoiceId(), e.amount().amount(), BigDecimal::add);
                if (feeTermsOf.containsKey(e.contractId())) {
                    fees.put(e.invoiceId(), new RecordedFees(e.terms().get(0), feeTermsOf.get(e.contractId())));
                }
            } else if (event instanceof PaymentRecorded e && !e.occurredOn().isAfter(day)) {
                settle(open, fees, e.allocations(), e.occurredOn());
            } else if (event instanceof UnappliedCreditApplied e && !e.occurredOn().isAfter(day)) {
                settle(open, fees, e.allocations(), e.occurredOn());
            } else if (event instanceof LateFeesAccrued e && !e.occurredOn().isAfter(day)) {
                for (LateFeeAccrual accrual : e.accruals()) {
                    open.merge(accrual.invoiceId(), accrual.amount().amount(), BigDecimal::add);
                    fees.get(accrual.invoiceId()).accrued(accrual);
                }
            } else if (event instanceof LateFeesCorrected e && !e.occurredOn().isAfter(day)) {
                for (LateFeeCorrection correction : e.corrections()) {
                    open.merge(correction.invoiceId(), correction.openTakenBack().amount().negate(), BigDecimal::add);
                    fees.get(correction.invoiceId()).corrected(correction);
                }
            } else if (event instanceof CollectionStageReached e) {
                stages.computeIfAbsent(e.invoiceId(), id -> new TreeMap<>()).put(e.stage(), e.occurredOn());
            } else if (event instanceof CollectionStageWithdrawn e) {
                stages.get(e.invoiceId()).remove(e.stage(), e.occurredOn());
            } else if (event instanceof OrdersHeld e) {
                holds.add(new LocalDate[]{e.occurredOn(), null});
            } else if (event instanceof OrdersReleased e) {
                holds.stream().filter(h -> h[1] == null && !h[0].isAfter(e.occurredOn())).max(Comparator.comparing(h -> h[0]))
                        .ifPresent(h -> h[1] = e.occurredOn());
            } else if (event instanceof OrdersHoldWithdrawn e) {
                holds.removeIf(h -> h[0].equals(e.occurredOn()) && java.util.Objects.equals(h[1], e.releasedOn()));
            } else if (event instanceof CreditLimitSet e) {
                limits.add(new Object[]{e.occurredOn(), 0, e.limit().amount(), e});
            } else if (event instanceof CreditLimitRaised e) {
                limits.add(new Object[]{e.occurredOn(), 1, e.limit().amount(), e});
            } else if (event instanceof CreditLimitRaiseWithdrawn e) {
                limits.removeIf(l -> l[3] instanceof CreditLimitRaised r && r.occurredOn().equals(e.occurredOn())
                        && r.earlyPaymentIds().equals(e.earlyPaymentIds()) && r.limit().equals(e.limit()));
            } else if (event instanceof PaymentPromiseKept e) {
                outcomes.put(e.promiseId(), "KEPT");
                judgedOn.put(e.promiseId(), e.occurredOn());
            } else if (event instanceof PaymentPromisePartiallyKept e) {
                outcomes.put(e.promiseId(), "PARTIALLY_KEPT");
                judgedOn.put(e.promiseId(), e.occurredOn());
            } else if (event instanceof PaymentPromiseBroken e) {
                outcomes.put(e.promiseId(), "BROKEN");
                judgedOn.put(e.promiseId(), e.occurredOn());
            } else if (event instanceof PaymentPromiseOutcomeCorrected e) {
                outcomes.put(e.promiseId(), e.corrected().name());
            }
        }
        Map<String, Integer> stage = new TreeMap<>();
        stages.forEach((invoice, entered) -> entered.entrySet().stream().filter(s -> !s.getValue().isAfter(day))
                .map(s -> s.getKey().ordinal()).max(Comparator.naturalOrder()).ifPresent(s -> stage.put(invoice, s)));
        boolean held = holds.stream().anyMatch(h -> !h[0].isAfter(day) && (h[1] == null || h[1].isAfter(day)));
        BigDecimal limit = limits.stream().filter(l -> !((LocalDate) l[0]).isAfter(day))
                .max(Comparator.comparing((Object[] l) -> (LocalDate) l[0]).thenComparing(l -> (Integer) l[1]))
                .map(l -> (BigDecimal) l[2]).orElse(null);
        outcomes.keySet().removeIf(promise -> judgedOn.get(promise).isAfter(day));
        Map<String, BigDecimal> feesOwed = new TreeMap<>();
        fees.forEach((invoice, recorded) -> {
            BigDecimal since = open.get(invoice).signum() == 0 ? BigDecimal.ZERO : recorded.accruedSince(day);
            open.merge(invoice, since, BigDecimal::add);
            feesOwed.put(invoice, recorded.recorded.add(since));
        });
        return new CustomerHistory.AsOf(open, feesOwed, stage, held, limit, outcomes);
    }

    private static void settle(Map<String, BigDecimal> open, Map<String, RecordedFees> fees, List<Allocation> allocations, LocalDate on) {
        for (Allocation allocation : allocations) {
            open.merge(allocation.invoiceId(), allocation.amount().amount().negate(), BigDecimal::add);
            if (fees.containsKey(allocation.invoiceId()) && allocation.component() == Allocation.Component.PRINCIPAL) {
                fees.get(allocation.invoiceId()).principalChanges.merge(on, allocation.amount().negate(), Money::plus);
            }
        }
    }

    /** The late fees recorded on one term by a day, net of corrections, and through which day, with its principal's movements. */
    private static final class RecordedFees {
        private static final LegalLateFeeCaps LEGAL_CAPS = CollectionPolicy.defaults().legalLateFeeCaps().recorded();

        private final InvoiceTerm term;
        private final LateFeeTerms terms;
        private final Map<LocalDate, Money> principalChanges = new TreeMap<>();
        private BigDecimal recorded = BigDecimal.ZERO.setScale(2);
        private LocalDate recordedThrough;

        private RecordedFees(InvoiceTerm term, LateFeeTerms terms) {
            this.term = term;
            this.terms = terms;
        }

        private void accrued(LateFeeAccrual accrual) {
            recorded = recorded.add(accrual.amount().amount());
            if (recordedThrough == null || accrual.accruedThrough().isAfter(recordedThrough)) {
                recordedThrough = accrual.accruedThrough();
            }
        }

        private void corrected(LateFeeCorrection correction) {
            recorded = recorded.subtract(correction.takenBack().amount());
        }

        /** The fees accrued after the last day recorded, up to and including {@code day}. */
        private BigDecimal accruedSince(LocalDate day) {
            return new AccruingLateFees(term.dueDate(), term.amount(), principalChanges, terms, LEGAL_CAPS)
                    .after(cny(recorded), recordedThrough, day).amount().amount();
        }
    }

    static ContractRecorded recorded(CustomerHistory.Contract contract) {
        return new ContractRecorded(CUSTOMER, contract.id(), LIMIT_SET_ON, List.of(), List.of(),
                new LateFeeTerms(contract.dailyRatePercent(), contract.capPercentOfPrincipal(), false), null, null);
    }

    static Money cny(BigDecimal amount) {
        return Money.of(amount.setScale(2).toPlainString(), "CNY");
    }
}
