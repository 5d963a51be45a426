package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.payment.PaymentRecorded;
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
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
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
 * The aging report's facts: every change to what is open on an invoice term (issued, paid,
 * credited, late fees, moved into a plan, written off, reopened by a reversal), every dispute
 * raised and resolved, every change to unapplied credit, each with its business date and the
 * time it was recorded. Nothing is overwritten, so the report as of any date, as known at any
 * time, is computed from the rows that qualify ({@link AgingCalculation}). Beside them, in the
 * same transaction, what is open now: per term (with when it was issued and last moved), disputed
 * per invoice, unapplied credit per customer, so that today's report need not fold the history.
 * <p>
 * Late fees are recorded only when an amount must be fixed, so the report adds the fees accrued
 * since the last recorded day ({@link AgingCalculation}); for them it keeps the contracts' late-fee
 * terms, each invoice's contract, what each movement moved, the fees recorded and through which day,
 * the write-offs and the legal cap's dated schedule.
 */
@Component
@ProcessingGroup(AgingProjection.PROCESSING_GROUP)
public class AgingProjection {

    public static final String PROCESSING_GROUP = "aging";

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement terms;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement disputes;
    private final BatchedWrites.Statement openDisputes;
    private final BatchedWrites.Statement credits;
    private final BatchedWrites.Statement openCredits;
    private final BatchedWrites.Statement lateFeeTerms;
    private final BatchedWrites.Statement invoiceContracts;
    private final BatchedWrites.Statement fees;
    private final BatchedWrites.Statement writeOffs;
    private final BatchedWrites.Statement legalCaps;

    /**
     * Rows written in batches when the processor's batch commits ({@link BatchedWrites}): a rebuild
     * spent most of its time on this read model's statement per movement. No statement reads
     * another's rows; those whose rows meet the same row again (a term, an open dispute, open credit)
     * are written in the events' order, and the upsert inserts from a select, which pgjdbc does not
     * rewrite into one multi-row insert (that would touch a term twice when a batch moves it twice).
     */
    public AgingProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.terms = writes.statement("""
                insert into aging_term as t (customer_id, invoice_id, term_id, currency, due_date, issued_on, issued_at, open, last_on, last_at)
                select ?, ?, ?, ?, cast(? as date), cast(? as date), cast(? as timestamptz), cast(? as numeric), cast(? as date), cast(? as timestamptz)
                on conflict (customer_id, invoice_id, term_id, currency) do update set
                    open = t.open + excluded.open,
                    due_date = coalesce(t.due_date, excluded.due_date),
                    issued_on = coalesce(t.issued_on, excluded.issued_on),
                    issued_at = coalesce(t.issued_at, excluded.issued_at),
                    last_on = greatest(t.last_on, excluded.last_on),
                    last_at = greatest(t.last_at, excluded.last_at)""");
        this.movements = writes.statement("""
                insert into aging_movement (customer_id, invoice_id, term_id, currency, due_date, amount, occurred_on, recorded_at, event_id, component)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.disputes = writes.statement("""
                insert into aging_dispute (customer_id, invoice_id, currency, amount, occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.openDisputes = writes.statement("""
                merge into aging_open_dispute o using (values (?, ?, ?::numeric)) as s (customer_id, invoice_id, amount)
                on o.customer_id = s.customer_id and o.invoice_id = s.invoice_id
                when matched and o.amount + s.amount = 0 then delete
                when matched then update set amount = o.amount + s.amount
                when not matched then insert values (s.customer_id, s.invoice_id, s.amount)""");
        this.credits = writes.statement("""
                insert into aging_credit (customer_id, currency, amount, occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?, ?)""");
        this.openCredits = writes.statement("""
                merge into aging_open_credit o using (values (?, ?, ?::numeric)) as s (customer_id, currency, amount)
                on o.customer_id = s.customer_id and o.currency = s.currency
                when matched and o.amount + s.amount = 0 then delete
                when matched then update set amount = o.amount + s.amount
                when not matched then insert values (s.customer_id, s.currency, s.amount)""");
        this.lateFeeTerms = writes.statement("""
                insert into aging_late_fee_terms (customer_id, contract_id, daily_rate_percent, cap_percent_of_principal) values (?, ?, ?, ?)""");
        this.invoiceContracts = writes.statement("""
                insert into aging_invoice_contract (customer_id, invoice_id, contract_id, decimals) values (?, ?, ?, ?)""");
        this.fees = writes.statement("""
                insert into aging_fee (customer_id, invoice_id, term_id, amount, accrued_through, occurred_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""");
        this.writeOffs = writes.statement("""
                insert into aging_write_off (customer_id, invoice_id, occurred_on, recorded_at) values (?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into aging_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    /** The legal cap from its effective date: fees of the days before it keep the rate they accrued under. */
    @EventHandler
    void on(LegalLateFeeCapChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        legalCaps.add(sequence, event.effectiveFrom(), event.annualPercent(), java.sql.Timestamp.from(recordedAt));
    }

    /** Only a contract with late-fee terms matters here: its invoices' terms accrue fees. */
    @EventHandler
    void on(ContractRecorded event) {
        if (event.lateFees() != null) {
            lateFeeTerms.add(event.customerId(), event.contractId(), event.lateFees().dailyRatePercent(),
                    event.lateFees().capPercentOfPrincipal());
        }
    }

    @EventHandler
    void on(InvoiceIssued event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        if (event.contractId() != null) {
            invoiceContracts.add(event.customerId(), event.invoiceId(), event.contractId(), Money.decimalsOf(event.amount().currency()));
        }
        for (InvoiceTerm term : event.terms()) {
            move(event.customerId(), event.invoiceId(), term.termId(), term.dueDate(), Allocation.Component.PRINCIPAL, term.amount(), event.occurredOn(),
                    recordedAt, eventId);
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        reduce(event.customerId(), event.reductions(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(PaymentRecorded event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), recordedAt, eventId);
        credit(event.customerId(), event.unapplied(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(PaymentReversed event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        for (Allocation reopened : event.reopened()) {
            move(event.customerId(), reopened.invoiceId(), reopened.termId(), null, reopened.component(), reopened.amount(), event.occurredOn(),
                    recordedAt, eventId);
        }
        credit(event.customerId(), event.unappliedReversed().negate(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        reduce(event.customerId(), event.allocations(), event.occurredOn(), recordedAt, eventId);
        credit(event.customerId(), event.amount().negate(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(UnappliedCreditRefunded event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        credit(event.customerId(), event.amount().negate(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(LateFeesAccrued event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        for (LateFeeAccrual accrual : event.accruals()) {
            move(event.customerId(), accrual.invoiceId(), accrual.termId(), null, Allocation.Component.LATE_FEES, accrual.amount(), event.occurredOn(),
                    recordedAt, eventId);
            fees.add(event.customerId(), accrual.invoiceId(), accrual.termId(), accrual.amount().amount(), accrual.accruedThrough(),
                    event.occurredOn(), java.sql.Timestamp.from(recordedAt));
        }
    }

    /**
     * Fees taken back leave the term; what had already paid them is the customer's credit. All that was
     * taken back no longer counts against the caps.
     */
    @EventHandler
    void on(LateFeesCorrected event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        for (LateFeeCorrection correction : event.corrections()) {
            move(event.customerId(), correction.invoiceId(), correction.termId(), null, Allocation.Component.LATE_FEES, correction.openTakenBack().negate(),
                    event.occurredOn(), recordedAt, eventId);
            fees.add(event.customerId(), correction.invoiceId(), correction.termId(), correction.takenBack().amount().negate(),
                    new SqlParameterValue(Types.DATE, null), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
            credit(event.customerId(), correction.credited(), event.occurredOn(), recordedAt, eventId);
        }
    }

    /** What the plan covers leaves its terms; its installments age from their own due dates. */
    @EventHandler
    void on(PaymentPlanAgreed event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        reduce(event.customerId(), event.rescheduled(), event.occurredOn(), recordedAt, eventId);
        for (Installment installment : event.installments()) {
            move(event.customerId(), event.planId(), installment.installmentId(), installment.dueDate(), null,
                    installment.principal().plus(installment.interest()), event.occurredOn(), recordedAt, eventId);
        }
    }

    @EventHandler
    void on(ReceivableWrittenOff event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        reduce(event.customerId(), event.writtenOff(), event.occurredOn(), recordedAt, eventId);
        writeOffs.add(event.customerId(), event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(DisputeRaised event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        dispute(event.customerId(), event.invoiceId(), event.amount(), event.occurredOn(), recordedAt, eventId);
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        dispute(event.customerId(), event.invoiceId(), event.amount().negate(), event.occurredOn(), recordedAt, eventId);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate aging_movement, aging_dispute, aging_credit, aging_term, aging_open_dispute, aging_open_credit,
                         aging_late_fee_terms, aging_invoice_contract, aging_fee, aging_write_off, aging_legal_cap""").update();
    }

    @QueryHandler
    public AgingReport handle(AgingReportQuery query) {
        return new AgingCalculation(jdbc, query).report();
    }

    private void reduce(String customerId, List<Allocation> allocations, LocalDate occurredOn, Instant recordedAt, String eventId) {
        for (Allocation allocation : allocations) {
            move(customerId, allocation.invoiceId(), allocation.termId(), null, allocation.component(), allocation.amount().negate(), occurredOn,
                    recordedAt, eventId);
        }
    }

    /** The movement kept for reports as of a past date, and what is open on its term now. */
    private void move(String customerId, String invoiceId, String termId, LocalDate dueDate, Allocation.Component component, Money amount,
                      LocalDate occurredOn, Instant recordedAt, String eventId) {
        java.sql.Timestamp recorded = java.sql.Timestamp.from(recordedAt);
        SqlParameterValue due = new SqlParameterValue(Types.DATE, dueDate);
        terms.add(customerId, invoiceId, termId, amount.currency(), due,
                new SqlParameterValue(Types.DATE, dueDate == null ? null : occurredOn),
                new SqlParameterValue(Types.TIMESTAMP, dueDate == null ? null : recorded),
                amount.amount(), occurredOn, recorded);
        movements.add(customerId, invoiceId, termId, amount.currency(), due, amount.amount(), occurredOn, recorded, eventId,
                new SqlParameterValue(Types.VARCHAR, component == null ? null : component.name()));
    }

    private void dispute(String customerId, String invoiceId, Money amount, LocalDate occurredOn, Instant recordedAt, String eventId) {
        disputes.add(customerId, invoiceId, amount.currency(), amount.amount(), occurredOn, java.sql.Timestamp.from(recordedAt), eventId);
        openDisputes.add(customerId, invoiceId, amount.amount());
    }

    private void credit(String customerId, Money amount, LocalDate occurredOn, Instant recordedAt, String eventId) {
        if (amount.signum() == 0) {
            return;
        }
        credits.add(customerId, amount.currency(), amount.amount(), occurredOn, java.sql.Timestamp.from(recordedAt), eventId);
        openCredits.add(customerId, amount.currency(), amount.amount());
    }

}
