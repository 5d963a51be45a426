package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
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
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.worklist.CollectionWorklist;
import io.collectionsledger.contracts.worklist.CollectionWorklistQuery;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The collection worklist's facts: what is open on each term and when it falls due, what is
 * disputed, who collects from the customer at which reminder tier, what restarted each invoice's
 * limitation period, how promises turned out, early-warning signals, order holds (less those
 * withdrawn), dunning letters and legal cases. Each with its business date and recording time, so the worklist is computed for any date as known at
 * any time ({@link WorklistCalculation}).
 * <p>
 * Late fees are recorded only when an amount must be fixed, so the worklist adds the fees accrued since
 * the last recorded day ({@link WorklistCalculation}); for them it keeps, as the aging report does, the
 * contracts' late-fee terms, each invoice's contract, what each movement moved, the fees recorded and
 * through which day, the write-offs and the legal cap's dated schedule.
 */
@Component
@ProcessingGroup(WorklistProjection.PROCESSING_GROUP)
public class WorklistProjection {

    public static final String PROCESSING_GROUP = "worklist";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;
    private final BatchedWrites.Statement customers;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement disputes;
    private final BatchedWrites.Statement collectors;
    private final BatchedWrites.Statement restarts;
    private final BatchedWrites.Statement outcomes;
    private final BatchedWrites.Statement warnings;
    private final BatchedWrites.Statement ordersHeld;
    private final BatchedWrites.Statement letters;
    private final BatchedWrites.Statement cases;
    private final BatchedWrites.Statement lateFeeTerms;
    private final BatchedWrites.Statement invoiceContracts;
    private final BatchedWrites.Statement fees;
    private final BatchedWrites.Statement writeOffs;
    private final BatchedWrites.Statement legalCaps;

    /**
     * Rows are inserted and wait for the batch's end; the statements that find rows another event
     * wrote (a reversed payment's restarts, a delivered letter, a closed case) write what is
     * pending first.
     */
    public WorklistProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.writes = new BatchedWrites(jdbcTemplate);
        this.customers = writes.statement("insert into worklist_customer (customer_id, name) values (?, ?)");
        this.movements = writes.statement("""
                insert into worklist_movement (customer_id, invoice_id, term_id, currency, due_date, amount, occurred_on, recorded_at, component)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.disputes = writes.statement("""
                insert into worklist_dispute (customer_id, invoice_id, currency, amount, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?)""");
        this.collectors = writes.statement("""
                insert into worklist_collector (seq, customer_id, collector, tier, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?)""");
        this.restarts = writes.statement("""
                insert into worklist_restart (seq, customer_id, invoice_id, fact, payment_id, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.outcomes = writes.statement("""
                insert into worklist_promise_outcome (seq, customer_id, promise_id, outcome, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?)""");
        this.warnings = writes.statement("""
                insert into worklist_warning (customer_id, warning_id, signal, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?)""");
        this.ordersHeld = writes.statement("insert into worklist_orders_held (customer_id, holds, occurred_on, recorded_at) values (?, ?, ?, ?)");
        this.letters = writes.statement("""
                insert into worklist_letter (customer_id, letter_id, invoice_ids, sent_on, sent_recorded_at)
                values (?, ?, ?, ?, ?)""");
        this.cases = writes.statement("""
                insert into worklist_case (customer_id, case_id, filed_on, filed_recorded_at)
                values (?, ?, ?, ?)""");
        this.lateFeeTerms = writes.statement("""
                insert into worklist_late_fee_terms (customer_id, contract_id, daily_rate_percent, cap_percent_of_principal) values (?, ?, ?, ?)""");
        this.invoiceContracts = writes.statement("""
                insert into worklist_invoice_contract (customer_id, invoice_id, contract_id, decimals) values (?, ?, ?, ?)""");
        this.fees = writes.statement("""
                insert into worklist_fee (customer_id, invoice_id, term_id, amount, accrued_through, occurred_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""");
        this.writeOffs = writes.statement("""
                insert into worklist_write_off (customer_id, invoice_id, occurred_on, recorded_at) values (?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into worklist_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    @EventHandler
    void on(CustomerRegistered event) {
        customers.add(event.customerId(), event.name());
    }

    /** Only a contract with late-fee terms matters here: its invoices' terms accrue fees. */
    @EventHandler
    void on(ContractRecorded event) {
        if (event.lateFees() != null) {
            lateFeeTerms.add(event.customerId(), event.contractId(), event.lateFees().dailyRatePercent(),
                    event.lateFees().capPercentOfPrincipal());
        }
    }

    /** The legal cap from its effective date: fees of the days before it keep the rate they accrued under. */
    @EventHandler
    void on(LegalLateFeeCapChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        legalCaps.add(sequence, event.effectiveFrom(), event.annualPercent(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(InvoiceIssued event, @Timestamp Instant recordedAt) {
        if (event.contractId() != null) {
            invoiceContracts.add(event.customerId(), event.invoiceId(), event.contractId(), Money.decimalsOf(event.amount().currency()));
        }
        for (InvoiceTerm term : event.terms()) {
            move(event.customerId(), event.invoiceId(), term.termId(), term.dueDate(), Allocation.Component.PRINCIPAL, term.amount(),
                    event.occurredOn(), recordedAt);
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.reductions(), event.occurredOn(), recordedAt);
    }

    /** A payment, even a partial one, acknowledges the debts it pays: their limitation periods restart. */
    @EventHandler
    void on(PaymentRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), recordedAt);
        for (String invoiceId : invoicesOf(event.allocations())) {
            restart(event.customerId(), invoiceId, "payment " + event.paymentId(), event.paymentId(), event.occurredOn(), recordedAt, sequence);
        }
    }

    /** What the payment paid is open again, and a payment that bounced acknowledged nothing. */
    @EventHandler
    void on(PaymentReversed event, @Timestamp Instant recordedAt) {
        for (Allocation reopened : event.reopened()) {
            move(event.customerId(), reopened.invoiceId(), reopened.termId(), null, reopened.component(), reopened.amount(), event.occurredOn(),
                    recordedAt);
        }
        writes.now("""
                        update worklist_restart set reversed_on = ?, reversed_recorded_at = ?
                        where customer_id = ? and payment_id = ?""",
                event.occurredOn(), java.sql.Timestamp.from(recordedAt), event.customerId(), event.paymentId());
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(LateFeesAccrued event, @Timestamp Instant recordedAt) {
        for (LateFeeAccrual accrual : event.accruals()) {
            move(event.customerId(), accrual.invoiceId(), accrual.termId(), null, Allocation.Component.LATE_FEES, accrual.amount(),
                    event.occurredOn(), recordedAt);
            fees.add(event.customerId(), accrual.invoiceId(), accrual.termId(), accrual.amount().amount(), accrual.accruedThrough(),
                    event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    /**
     * Fees taken back leave what is open on the term (the worklist keeps no unapplied credit). All that was
     * taken back no longer counts against the caps.
     */
    @EventHandler
    void on(LateFeesCorrected event, @Timestamp Instant recordedAt) {
        for (LateFeeCorrection correction : event.corrections()) {
            move(event.customerId(), correction.invoiceId(), correction.termId(), null, Allocation.Component.LATE_FEES,
                    correction.openTakenBack().negate(), event.occurredOn(), recordedAt);
            fees.add(event.customerId(), correction.invoiceId(), correction.termId(), correction.takenBack().amount().negate(),
                    new SqlParameterValue(Types.DATE, null), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    /** What the plan covers leaves its terms for installments with their own due dates; agreeing it acknowledges the debts. */
    @EventHandler
    void on(PaymentPlanAgreed event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        reduce(event.customerId(), event.rescheduled(), event.occurredOn(), recordedAt);
        for (Installment installment : event.installments()) {
            move(event.customerId(), event.planId(), installment.installmentId(), installment.dueDate(), null,
                    installment.principal().plus(installment.interest()), event.occurredOn(), recordedAt);
        }
        for (String invoiceId : event.invoiceIds()) {
            restart(event.customerId(), invoiceId, "payment plan " + event.planId(), null, event.occurredOn(), recordedAt, sequence);
        }
    }

    /** A written-off receivable takes no collection action but recovery: it leaves the worklist, and accrues no fees. */
    @EventHandler
    void on(ReceivableWrittenOff event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.writtenOff(), event.occurredOn(), recordedAt);
        writeOffs.add(event.customerId(), event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(DisputeRaised event, @Timestamp Instant recordedAt) {
        dispute(event.customerId(), event.invoiceId(), event.amount(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant recordedAt) {
        dispute(event.customerId(), event.invoiceId(), event.amount().negate(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(CollectorAssigned event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        collectors.add(sequence, event.customerId(), event.collector(), event.tier().name(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    /** A stamped statement acknowledges the balance: every invoice's period restarts. */
    @EventHandler
    void on(ReconciliationStatementConfirmed event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        restart(event.customerId(), null, "reconciliation statement " + event.statementId(), null, event.occurredOn(), recordedAt, sequence);
    }

    /** A promise acknowledges the invoices it names, or all of them when it names none. */
    @EventHandler
    void on(PaymentPromiseRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        String fact = "payment promise " + event.promiseId();
        if (event.invoiceIds().isEmpty()) {
            restart(event.customerId(), null, fact, null, event.occurredOn(), recordedAt, sequence);
        }
        for (String invoiceId : event.invoiceIds()) {
            restart(event.customerId(), invoiceId, fact, null, event.occurredOn(), recordedAt, sequence);
        }
    }

    @EventHandler
    void on(PaymentPromiseKept event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.KEPT, event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(PaymentPromisePartiallyKept event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.PARTIALLY_KEPT, event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(PaymentPromiseBroken event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.BROKEN, event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(PaymentPromiseOutcomeCorrected event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        outcome(event.customerId(), event.promiseId(), event.corrected(), event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(EarlyWarningFlagged event, @Timestamp Instant recordedAt) {
        warnings.add(event.customerId(), event.warningId(), event.signal().name(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(OrdersHeld event, @Timestamp Instant recordedAt) {
        ordersHeld.add(event.customerId(), 1, event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    /** Dated the hold's first day, so it counts off the hold from when it was recorded, as of any date the hold counted. */
    @EventHandler
    void on(OrdersHoldWithdrawn event, @Timestamp Instant recordedAt) {
        ordersHeld.add(event.customerId(), -1, event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(DunningLetterSent event, @Timestamp Instant recordedAt) {
        letters.add(event.customerId(), event.letterId(), event.invoiceIds().toArray(String[]::new), event.occurredOn(),
                java.sql.Timestamp.from(recordedAt));
    }

    /** A demand for payment restarts the period once its delivery is proven. */
    @EventHandler
    void on(DunningLetterDelivered event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        java.sql.Timestamp recorded = java.sql.Timestamp.from(recordedAt);
        writes.now("""
                        update worklist_letter set delivered_on = ?, delivered_recorded_at = ?
                        where customer_id = ? and letter_id = ?""",
                event.occurredOn(), recorded, event.customerId(), event.letterId());
        writes.now("""
                        insert into worklist_restart (seq, customer_id, invoice_id, fact, occurred_on, recorded_at)
                        select cast(? as bigint), customer_id, unnest(invoice_ids), 'dunning letter ' || letter_id || ' delivered',
                               cast(? as date), cast(? as timestamptz)
                        from worklist_letter where customer_id = ? and letter_id = ?""",
                sequence, event.occurredOn(), recorded, event.customerId(), event.letterId());
    }

    /** Filing suit restarts the period of the invoices claimed. */
    @EventHandler
    void on(LawsuitFiled event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        cases.add(event.customerId(), event.caseId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        for (String invoiceId : event.invoiceIds()) {
            restart(event.customerId(), invoiceId, "lawsuit " + event.caseId() + " filed", null, event.occurredOn(), recordedAt, sequence);
        }
    }

    @EventHandler
    void on(LegalStepRecorded event, @Timestamp Instant recordedAt) {
        if (event.step() != LegalStep.CASE_CLOSED) {
            return;
        }
        writes.now("""
                        update worklist_case set closed_on = ?, closed_recorded_at = ?
                        where customer_id = ? and case_id = ?""",
                event.occurredOn(), java.sql.Timestamp.from(recordedAt), event.customerId(), event.caseId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate worklist_customer, worklist_movement, worklist_dispute, worklist_collector, worklist_restart,
                         worklist_promise_outcome, worklist_warning, worklist_orders_held, worklist_letter, worklist_case,
                         worklist_late_fee_terms, worklist_invoice_contract, worklist_fee, worklist_write_off, worklist_legal_cap""").update();
    }

    @QueryHandler
    public CollectionWorklist handle(CollectionWorklistQuery query) {
        return new WorklistCalculation(jdbc, query).worklist();
    }

    private void reduce(String customerId, List<Allocation> allocations, LocalDate occurredOn, Instant recordedAt) {
        for (Allocation allocation : allocations) {
            move(customerId, allocation.invoiceId(), allocation.termId(), null, allocation.component(), allocation.amount().negate(), occurredOn,
                    recordedAt);
        }
    }

    /** A movement of what is open on a term or installment; due date on the row that creates it, component null on an installment. */
    private void move(String customerId, String invoiceId, String termId, LocalDate dueDate, Allocation.Component component, Money amount,
                      LocalDate occurredOn, Instant recordedAt) {
        movements.add(customerId, invoiceId, termId, amount.currency(), new SqlParameterValue(Types.DATE, dueDate), amount.amount(), occurredOn,
                java.sql.Timestamp.from(recordedAt), new SqlParameterValue(Types.VARCHAR, component == null ? null : component.name()));
    }

    private void dispute(String customerId, String invoiceId, Money amount, LocalDate occurredOn, Instant recordedAt) {
        disputes.add(customerId, invoiceId, amount.currency(), amount.amount(), occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private void restart(String customerId, String invoiceId, String fact, String paymentId, LocalDate occurredOn, Instant recordedAt,
                         long sequence) {
        restarts.add(sequence, customerId, invoiceId, fact, paymentId, occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private void outcome(String customerId, String promiseId, PromiseOutcome outcome, LocalDate occurredOn, Instant recordedAt,
                         long sequence) {
        outcomes.add(sequence, customerId, promiseId, outcome.name(), occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private static Collection<String> invoicesOf(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::invoiceId).distinct().toList();
    }
}
