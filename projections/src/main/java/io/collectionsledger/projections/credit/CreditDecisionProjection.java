package io.collectionsledger.projections.credit;

import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.credit.CreditDecision;
import io.collectionsledger.contracts.credit.CreditDecisionQuery;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
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
import java.util.List;

/**
 * The credit decision's facts: what is open and the unapplied credit, the credit limit, order
 * holds and supply suspensions, legal cases, and which batches delivered each receivable settles.
 * Each with its business date and recording time, so a decision is computed for any date as known
 * at any time ({@link CreditCheck}). A hold or a raise withdrawn stays, beside its withdrawal with
 * the withdrawal's own recording time: known before that, it counts as it did.
 * <p>
 * Late fees are recorded only when an amount must be fixed, so the decision adds the fees accrued since
 * the last recorded day ({@link CreditCheck}); for them it keeps the terms of invoices issued under a
 * contract, what each movement moved, the contracts' late-fee terms, the fees recorded and through which
 * day, the write-offs and the legal cap's dated schedule.
 */
@Component
@ProcessingGroup(CreditDecisionProjection.PROCESSING_GROUP)
public class CreditDecisionProjection {

    public static final String PROCESSING_GROUP = "credit-decision";

    static final String ORDERS_HELD = "ORDERS_HELD";
    static final String SUPPLY_SUSPENDED = "SUPPLY_SUSPENDED";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;
    private final BatchedWrites.Statement customers;
    private final BatchedWrites.Statement deliveries;
    private final BatchedWrites.Statement batchReceivables;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement unapplied;
    private final BatchedWrites.Statement limits;
    private final BatchedWrites.Statement switches;
    private final BatchedWrites.Statement limitWithdrawals;
    private final BatchedWrites.Statement switchWithdrawals;
    private final BatchedWrites.Statement cases;
    private final BatchedWrites.Statement terms;
    private final BatchedWrites.Statement lateFeeTerms;
    private final BatchedWrites.Statement fees;
    private final BatchedWrites.Statement writeOffs;
    private final BatchedWrites.Statement legalCaps;

    /**
     * Every table but the legal cases only grows, so rows wait for the batch's end; the two
     * statements that find rows another event wrote (a plan's batches, a case's close) write
     * what is pending first.
     */
    public CreditDecisionProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.writes = new BatchedWrites(jdbcTemplate);
        this.customers = writes.statement("insert into credit_customer (customer_id, occurred_on, recorded_at) values (?, ?, ?)");
        this.deliveries = writes.statement(
                "insert into credit_delivery (seq, customer_id, delivery_id, occurred_on, recorded_at) values (?, ?, ?, ?, ?)");
        this.batchReceivables = writes.statement("""
                insert into credit_batch_receivable (customer_id, delivery_id, receivable_id, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?)""");
        this.movements = writes.statement("""
                insert into credit_movement (customer_id, invoice_id, term_id, component, currency, amount, written_off, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.unapplied = writes.statement(
                "insert into credit_unapplied (customer_id, currency, amount, occurred_on, recorded_at) values (?, ?, ?, ?, ?)");
        this.limits = writes.statement("""
                insert into credit_limit (seq, customer_id, amount, currency, basis, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.switches = writes.statement("""
                insert into credit_switch (seq, customer_id, switch, engaged, detail, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.limitWithdrawals = writes.statement("""
                insert into credit_limit_withdrawal (seq, customer_id, amount, currency, basis, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.switchWithdrawals = writes.statement("""
                insert into credit_switch_withdrawal (seq, customer_id, switch, engaged, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?)""");
        this.cases = writes.statement(
                "insert into credit_case (customer_id, case_id, detail, filed_on, filed_recorded_at) values (?, ?, ?, ?, ?)");
        this.terms = writes.statement("""
                insert into credit_term (customer_id, invoice_id, term_id, contract_id, currency, due_date, amount, issued_on, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.lateFeeTerms = writes.statement("""
                insert into credit_late_fee_terms (customer_id, contract_id, daily_rate_percent, cap_percent_of_principal) values (?, ?, ?, ?)""");
        this.fees = writes.statement("""
                insert into credit_fee (customer_id, invoice_id, term_id, amount, accrued_through, occurred_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""");
        this.writeOffs = writes.statement("""
                insert into credit_write_off (customer_id, invoice_id, occurred_on, recorded_at) values (?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into credit_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    @EventHandler
    void on(CustomerRegistered event, @Timestamp Instant recordedAt) {
        customers.add(event.customerId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(DeliveryRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        deliveries.add(sequence, event.customerId(), event.deliveryId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
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
        for (InvoiceTerm term : event.terms()) {
            move(event.customerId(), event.invoiceId(), term.termId(), null, term.amount(), false, event.occurredOn(), recordedAt);
            if (event.contractId() != null) {
                terms.add(event.customerId(), event.invoiceId(), term.termId(), event.contractId(), term.amount().currency(), term.dueDate(),
                        term.amount().amount(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
            }
        }
        for (String deliveryId : event.deliveryIds()) {
            batchReceivables.add(event.customerId(), deliveryId, event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.reductions(), false, event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(PaymentRecorded event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.allocations(), false, event.occurredOn(), recordedAt);
        unapplied(event.customerId(), event.unapplied(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(PaymentReversed event, @Timestamp Instant recordedAt) {
        for (Allocation reopened : event.reopened()) {
            move(event.customerId(), reopened.invoiceId(), reopened.termId(), reopened.component(), reopened.amount(), false,
                    event.occurredOn(), recordedAt);
        }
        unapplied(event.customerId(), event.unappliedReversed().negate(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.allocations(), false, event.occurredOn(), recordedAt);
        unapplied(event.customerId(), event.amount().negate(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(UnappliedCreditRefunded event, @Timestamp Instant recordedAt) {
        unapplied(event.customerId(), event.amount().negate(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    void on(LateFeesAccrued event, @Timestamp Instant recordedAt) {
        for (LateFeeAccrual accrual : event.accruals()) {
            move(event.customerId(), accrual.invoiceId(), accrual.termId(), Allocation.Component.LATE_FEES, accrual.amount(), false,
                    event.occurredOn(), recordedAt);
            fees.add(event.customerId(), accrual.invoiceId(), accrual.termId(), accrual.amount().amount(), accrual.accruedThrough(),
                    event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    /**
     * Fees taken back leave the receivable; what had already paid them is the customer's unapplied credit.
     * All that was taken back no longer counts against the caps.
     */
    @EventHandler
    void on(LateFeesCorrected event, @Timestamp Instant recordedAt) {
        for (LateFeeCorrection correction : event.corrections()) {
            move(event.customerId(), correction.invoiceId(), correction.termId(), Allocation.Component.LATE_FEES,
                    correction.openTakenBack().negate(), false, event.occurredOn(), recordedAt);
            fees.add(event.customerId(), correction.invoiceId(), correction.termId(), correction.takenBack().amount().negate(),
                    new SqlParameterValue(Types.DATE, null), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
            unapplied(event.customerId(), correction.credited(), event.occurredOn(), recordedAt);
        }
    }

    /** The plan takes over what it covers: the batches of the covered invoices are paid when the plan is. */
    @EventHandler
    void on(PaymentPlanAgreed event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.rescheduled(), false, event.occurredOn(), recordedAt);
        for (Installment installment : event.installments()) {
            move(event.customerId(), event.planId(), installment.installmentId(), null, installment.principal().plus(installment.interest()),
                    false, event.occurredOn(), recordedAt);
        }
        writes.now("""
                        insert into credit_batch_receivable (customer_id, delivery_id, receivable_id, occurred_on, recorded_at)
                        select distinct customer_id, delivery_id, cast(? as text), cast(? as date), cast(? as timestamptz)
                        from credit_batch_receivable where customer_id = ? and receivable_id = any(cast(? as text[]))""",
                event.planId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt), event.customerId(),
                event.invoiceIds().toArray(String[]::new));
    }

    @EventHandler
    void on(ReceivableWrittenOff event, @Timestamp Instant recordedAt) {
        reduce(event.customerId(), event.writtenOff(), true, event.occurredOn(), recordedAt);
        writeOffs.add(event.customerId(), event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(CreditLimitSet event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        limit(event.customerId(), event.limit(), "set on " + event.occurredOn() + (event.reason() == null ? "" : ": " + event.reason()),
                event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(CreditLimitRaised event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        limit(event.customerId(), event.limit(), raiseBasis(event.previous(), event.occurredOn(), event.earlyPaymentIds()),
                event.occurredOn(), recordedAt, sequence);
    }

    /** The withdrawal repeats the raise, so it names the raise's row by its day, limit and basis. */
    @EventHandler
    void on(CreditLimitRaiseWithdrawn event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        limitWithdrawals.add(sequence, event.customerId(), event.limit().amount(), event.limit().currency(),
                raiseBasis(event.previous(), event.occurredOn(), event.earlyPaymentIds()), event.occurredOn(),
                java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(OrdersHeld event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        toggle(event.customerId(), ORDERS_HELD, true, "new orders held since " + event.occurredOn() + ": " + event.invoiceId()
                + "/" + event.termId() + " went " + event.daysPastDue() + " days past due unpaid", event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(OrdersReleased event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        toggle(event.customerId(), ORDERS_HELD, false, event.reason(), event.occurredOn(), recordedAt, sequence);
    }

    /** The hold on its first day no longer counts, nor its release if one was recorded. */
    @EventHandler
    void on(OrdersHoldWithdrawn event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        switchWithdrawals.add(sequence, event.customerId(), ORDERS_HELD, true, event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        if (event.releasedOn() != null) {
            switchWithdrawals.add(sequence, event.customerId(), ORDERS_HELD, false, event.releasedOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    @EventHandler
    void on(SupplySuspended event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        toggle(event.customerId(), SUPPLY_SUSPENDED, true, "supply suspended on " + event.occurredOn() + ": " + event.reason(),
                event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(SupplyResumed event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        toggle(event.customerId(), SUPPLY_SUSPENDED, false, event.reason(), event.occurredOn(), recordedAt, sequence);
    }

    @EventHandler
    void on(LawsuitFiled event, @Timestamp Instant recordedAt) {
        String detail = "case " + event.caseId() + " filed on " + event.occurredOn() + " with " + event.body() + " over "
                + String.join(", ", event.invoiceIds()) + ", claiming " + event.claimAmount();
        cases.add(event.customerId(), event.caseId(), detail, event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(LegalStepRecorded event, @Timestamp Instant recordedAt) {
        if (event.step() != LegalStep.CASE_CLOSED) {
            return;
        }
        writes.now("update credit_case set closed_on = ?, closed_recorded_at = ? where customer_id = ? and case_id = ?",
                event.occurredOn(), java.sql.Timestamp.from(recordedAt), event.customerId(), event.caseId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate credit_customer, credit_movement, credit_unapplied, credit_limit, credit_switch, credit_case,
                         credit_delivery, credit_batch_receivable, credit_limit_withdrawal, credit_switch_withdrawal,
                         credit_term, credit_late_fee_terms, credit_fee, credit_write_off, credit_legal_cap""").update();
    }

    @QueryHandler
    public CreditDecision handle(CreditDecisionQuery query) {
        return new CreditCheck(jdbc, query).decision();
    }

    private void reduce(String customerId, List<Allocation> allocations, boolean writtenOff, LocalDate occurredOn, Instant recordedAt) {
        for (Allocation allocation : allocations) {
            move(customerId, allocation.invoiceId(), allocation.termId(), allocation.component(), allocation.amount().negate(), writtenOff,
                    occurredOn, recordedAt);
        }
    }

    /** A movement of what is open on a term or installment; component null on what was issued. */
    private void move(String customerId, String receivableId, String termId, Allocation.Component component, Money amount, boolean writtenOff,
                      LocalDate occurredOn, Instant recordedAt) {
        movements.add(customerId, receivableId, termId, new SqlParameterValue(Types.VARCHAR, component == null ? null : component.name()),
                amount.currency(), amount.amount(), writtenOff, occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private void unapplied(String customerId, Money amount, LocalDate occurredOn, Instant recordedAt) {
        if (amount.signum() == 0) {
            return;
        }
        unapplied.add(customerId, amount.currency(), amount.amount(), occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private void limit(String customerId, Money limit, String basis, LocalDate occurredOn, Instant recordedAt, long sequence) {
        limits.add(sequence, customerId, limit.amount(), limit.currency(), basis, occurredOn, java.sql.Timestamp.from(recordedAt));
    }

    private static String raiseBasis(Money previous, LocalDate occurredOn, List<String> earlyPaymentIds) {
        return "raised from " + previous + " on " + occurredOn + " after the early payments " + String.join(", ", earlyPaymentIds);
    }

    private void toggle(String customerId, String name, boolean engaged, String detail, LocalDate occurredOn, Instant recordedAt,
                        long sequence) {
        switches.add(sequence, customerId, name, engaged, detail, occurredOn, java.sql.Timestamp.from(recordedAt));
    }
}
