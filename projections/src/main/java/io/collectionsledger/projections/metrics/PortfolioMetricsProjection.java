package io.collectionsledger.projections.metrics;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.metrics.CurrencyMetrics.RecoveryCurve;
import io.collectionsledger.contracts.metrics.PortfolioMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
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
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The portfolio's metrics over time. Every event that moves a metric becomes signed amounts of
 * measures on days ({@code metrics_fact}): what is open on a term moves the stocks {@code open}
 * (on the business date) and {@code overdue} (on the later of the business date and the term's
 * first day past due, so that what is overdue at a day's end is the sum of the overdue rows up to
 * it); invoices, charges (late fees, a plan's interest), payments, credit notes, write-offs,
 * recoveries, promises, outcomes, contacts and disputes are flows on their day; principal open at a
 * term's due date and what was collected on it within 30 to 730 days past due count on its first
 * day past due (the recovery cohorts).
 *
 * <p>Each row counts under the collector and tier of its customer and the class of its invoice in
 * force on its day (a promise's outcome on the day the promise was made, as the watchlist counts
 * it). A stock row is followed by a row taking it out again at each later change of those, which
 * the change's own row puts back under the new ones; a change re-attributes the rows on or after
 * its day and carries the stocks before it over to its day. The rows are summed per day, currency
 * and dimension into {@code metrics_day} at the end of each batch, and those on a day before their
 * event's date also per event date into {@code metrics_day_before_event} ({@link PortfolioMetricsCalculation}
 * reads those sums).
 */
@Component
@ProcessingGroup(PortfolioMetricsProjection.PROCESSING_GROUP)
public class PortfolioMetricsProjection {

    public static final String PROCESSING_GROUP = "portfolio-metrics";

    static final String OPEN = "open";
    static final String OVERDUE = "overdue";
    /** What became owed besides invoices: late fees accrued and a plan's interest, which the CEI counts as billed. */
    static final String CHARGED = "charged";
    private static final String RECOVERY_DAYS_ARRAY = RecoveryCurve.WITHIN_DAYS_PAST_DUE.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));

    /**
     * Who a row counts under on a day: {@code %1$s} names the row (with customer_id, invoice_id,
     * seq and named), {@code %2$s} the day. Changes recorded after the row's event are not seen yet.
     */
    private static final String WHO = """
             cross join lateral (
                select coalesce(a.collector, %1$s.named, 'unassigned') as collector, coalesce(a.tier, 'unassigned') as tier,
                       case when %1$s.invoice_id = '' then null else coalesce(c.receivable_class, 'CURRENT') end as receivable_class
                from (values (1)) as one (x)
                left join lateral (select collector, tier from metrics_assignment a
                                   where a.customer_id = %1$s.customer_id and a.effective_on <= %2$s and a.sequence_number < %1$s.seq
                                   order by a.effective_on desc, a.sequence_number desc limit 1) a on true
                left join lateral (select receivable_class from metrics_classification c
                                   where c.customer_id = %1$s.customer_id and c.invoice_id = %1$s.invoice_id and c.effective_on <= %2$s
                                     and c.sequence_number < %1$s.seq
                                   order by c.effective_on desc, c.sequence_number desc limit 1) c on true) w
            """;

    private static final String INTO_FACT = """
            insert into metrics_fact (customer_id, invoice_id, measure, currency, day, attributed_on, collector, tier, receivable_class, amount,
                                      occurred_on, recorded_at, sequence_number, event_id)
            """;

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement assignments;
    private final BatchedWrites.Statement classifications;
    private final BatchedWrites.Statement terms;
    private final BatchedWrites.Statement promises;
    private final BatchedWrites.Statement disputes;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement flows;
    private final BatchedWrites.Statement outcomes;
    private final BatchedWrites.Statement resolutions;
    private final BatchedWrites.Statement changes;
    private final String rollUpKey = PortfolioMetricsProjection.class.getName() + "#rollUp";

    /**
     * The statements run in this order at the end of a batch: the timelines and what facts look up
     * first, then the facts, then the changes of collector, tier or class, which move the facts
     * recorded before them (each row carries its event's sequence number, so a change and a fact in
     * the same batch see each other as they would one by one).
     */
    public PortfolioMetricsProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.assignments = writes.statement("""
                insert into metrics_assignment (customer_id, effective_on, collector, tier, sequence_number)
                select cast(? as text), greatest(cast(? as date), coalesce(max(effective_on), cast(? as date))), ?, ?, ?
                from metrics_assignment where customer_id = ?""");
        this.classifications = writes.statement("""
                insert into metrics_classification (customer_id, invoice_id, effective_on, receivable_class, sequence_number)
                select cast(? as text), cast(? as text), greatest(cast(? as date), coalesce(max(effective_on), cast(? as date))), ?, ?
                from metrics_classification where customer_id = ? and invoice_id = ?""");
        this.terms = writes.statement("""
                insert into metrics_term (customer_id, invoice_id, term_id, due_date) values (?, ?, ?, ?)
                on conflict do nothing""");
        this.promises = writes.statement("""
                insert into metrics_promise (customer_id, promise_id, promised_on, promised_date, collector) values (?, ?, ?, ?, ?)""");
        this.disputes = writes.statement("""
                insert into metrics_dispute (customer_id, dispute_id, invoice_id, raised_on) values (?, ?, ?, ?)""");
        // what is open on a term moved: on each stock a row, and for each later change known to its event the row that takes it
        // out again; when principal moved, the term's recovery cohort: on or before the due date it makes the cohort, after it
        // what was collected counts in the first window it falls in (collected_within_90: 31 to 90 days past due)
        this.movements = writes.statementOverInput("""
                with term as (
                    select i.*, cast(null as text) as named, t.due_date from input i join metrics_term t using (customer_id, invoice_id, term_id)
                ), start as (
                    select t.*, m.measure, case m.measure when 'overdue' then greatest(t.occurred_on, t.due_date + 1) else t.occurred_on end as x
                    from term t cross join (values ('open'), ('overdue')) as m (measure)
                ), span as (
                    select s.*, p.at, lead(p.at) over (partition by s.row_number, s.measure order by p.at) as until
                    from start s cross join lateral (
                        select s.x as at
                        union select a.effective_on from metrics_assignment a
                              where a.customer_id = s.customer_id and a.effective_on > s.x and a.sequence_number < s.seq
                        union select c.effective_on from metrics_classification c
                              where c.customer_id = s.customer_id and c.invoice_id = s.invoice_id and c.effective_on > s.x
                                and c.sequence_number < s.seq) p
                )
                """ + INTO_FACT + """
                select s.customer_id, s.invoice_id, s.measure, s.currency, e.day, e.day, w.collector, w.tier, w.receivable_class, e.amount,
                       s.occurred_on, s.recorded_at, s.seq, s.event_id
                from span s""" + WHO.formatted("s", "s.at") + """
                cross join lateral (values (s.at, s.amount), (s.until, -s.amount)) as e (day, amount)
                where e.day is not null
                union all
                select d.customer_id, d.invoice_id, m.measure, d.currency, d.due_date + 1, d.due_date + 1,
                       w.collector, w.tier, w.receivable_class, m.amount, d.occurred_on, d.recorded_at, d.seq, d.event_id
                from term d""" + WHO.formatted("d", "d.due_date + 1") + """
                cross join lateral (
                    select 'cohort' as measure, d.amount where d.occurred_on <= d.due_date
                    union all
                    select 'collected_within_' || min(n), -d.amount from unnest(cast('""" + RECOVERY_DAYS_ARRAY + "' as int[])) as n" + """
                    where d.collection and d.occurred_on - d.due_date between 1 and n having count(*) > 0) m
                where d.principal""", "customer_id text", "invoice_id text", "term_id text", "currency text", "amount numeric", "principal bool",
                "collection bool", "occurred_on date", "recorded_at timestamptz", "seq int8", "event_id text");
        this.flows = writes.statementOverInput(INTO_FACT + """
                select i.customer_id, i.invoice_id, i.measure, i.currency, i.day, i.day, w.collector, w.tier, w.receivable_class, i.amount,
                       i.occurred_on, i.recorded_at, i.seq, i.event_id
                from input i""" + WHO.formatted("i", "i.day"), "customer_id text", "invoice_id text", "measure text", "currency text",
                "amount numeric", "day date", "named text", "occurred_on date", "recorded_at timestamptz", "seq int8", "event_id text");
        this.outcomes = writes.statementOverInput("""
                with dated as (
                    select i.*, '' as invoice_id, p.promised_on, p.promised_date, p.collector as named
                    from input i join metrics_promise p using (customer_id, promise_id)
                )
                """ + INTO_FACT + """
                select d.customer_id, '', d.measure, '', d.promised_date, d.promised_on, w.collector, w.tier, w.receivable_class, d.amount,
                       d.occurred_on, d.recorded_at, d.seq, d.event_id
                from dated d""" + WHO.formatted("d", "d.promised_on"), "customer_id text", "promise_id text", "measure text", "amount numeric",
                "occurred_on date", "recorded_at timestamptz", "seq int8", "event_id text");
        this.resolutions = writes.statementOverInput("""
                with dated as (
                    select i.*, d.invoice_id, d.raised_on, cast(null as text) as named
                    from input i join metrics_dispute d using (customer_id, dispute_id)
                )
                """ + INTO_FACT + """
                select d.customer_id, d.invoice_id, m.measure, '', d.occurred_on, d.occurred_on, w.collector, w.tier, w.receivable_class,
                       m.amount, d.occurred_on, d.recorded_at, d.seq, d.event_id
                from dated d""" + WHO.formatted("d", "d.occurred_on") + """
                cross join lateral (values ('disputes_resolved', 1), ('dispute_days', d.occurred_on - d.raised_on)) as m (measure, amount)""",
                "customer_id text", "dispute_id text", "occurred_on date", "recorded_at timestamptz", "seq int8", "event_id text");
        // a change of collector and tier (no invoice) or of an invoice's class: what counted under the old ones from its day on
        // counts under the new ones, and the stocks before its day are carried over to it
        this.changes = writes.statement("""
                with input as (
                    select cast(? as text) as customer_id, cast(? as text) as invoice_id, cast(? as date) as occurred_on,
                           cast(? as timestamptz) as recorded_at, cast(? as bigint) as seq, cast(? as text) as event_id
                ), change as (
                    select i.*, a.effective_on, a.collector, a.tier, cast(null as text) as receivable_class
                    from input i join metrics_assignment a on a.customer_id = i.customer_id and a.sequence_number = i.seq
                    where i.invoice_id is null
                    union all
                    select i.*, c.effective_on, null, null, c.receivable_class
                    from input i join metrics_classification c
                         on c.customer_id = i.customer_id and c.invoice_id = i.invoice_id and c.sequence_number = i.seq
                ), moved as (
                    select f.invoice_id, f.measure, f.currency,
                           case when f.attributed_on < ch.effective_on then ch.effective_on else f.day end as day,
                           greatest(f.attributed_on, ch.effective_on) as attributed_on,
                           f.collector, f.tier, f.receivable_class, sum(f.amount) as amount,
                           coalesce(ch.collector, f.collector) as new_collector, coalesce(ch.tier, f.tier) as new_tier,
                           case when f.receivable_class is not null then coalesce(ch.receivable_class, f.receivable_class) end as new_class
                    from change ch join metrics_fact f on f.customer_id = ch.customer_id and f.invoice_id = coalesce(ch.invoice_id, f.invoice_id)
                    where f.sequence_number < ch.seq and (f.attributed_on >= ch.effective_on or f.measure in ('open', 'overdue'))
                    group by 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12
                    having sum(f.amount) <> 0
                )
                """ + INTO_FACT + """
                select ch.customer_id, m.invoice_id, m.measure, m.currency, m.day, m.attributed_on, s.collector, s.tier, s.receivable_class,
                       s.sign * m.amount, ch.occurred_on, ch.recorded_at, ch.seq, ch.event_id
                from change ch cross join moved m
                cross join lateral (values (m.collector, m.tier, m.receivable_class, -1),
                                           (m.new_collector, m.new_tier, m.new_class, 1)) as s (collector, tier, receivable_class, sign)
                where (m.collector, m.tier, m.receivable_class) is distinct from (m.new_collector, m.new_tier, m.new_class)""");
    }

    @EventHandler
    void on(InvoiceIssued event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        for (InvoiceTerm term : event.terms()) {
            terms.add(event.customerId(), event.invoiceId(), term.termId(), term.dueDate());
        }
        for (InvoiceTerm term : event.terms()) {
            move(event.customerId(), event.invoiceId(), term.termId(), term.amount(), true, false, event.occurredOn(), at, seq, eventId);
        }
        flow(event.customerId(), event.invoiceId(), "invoiced", event.amount(), event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        settle(event.customerId(), event.reductions(), "credited", false, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(PaymentRecorded event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        settle(event.customerId(), event.allocations(), "collected", true, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        settle(event.customerId(), event.allocations(), "collected", true, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    /** What the payment had settled is open again, and no longer collected. */
    @EventHandler
    void on(PaymentReversed event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        for (Allocation reopened : event.reopened()) {
            move(event.customerId(), reopened.invoiceId(), reopened.termId(), reopened.amount(), principal(reopened), true,
                    event.occurredOn(), at, seq, eventId);
            flow(event.customerId(), reopened.invoiceId(), "collected", reopened.amount().negate(), event.occurredOn(), at, seq, eventId);
        }
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(ReceivableWrittenOff event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        settle(event.customerId(), event.writtenOff(), "written_off", false, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(RecoveryAfterWriteOffRecorded event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        flow(event.customerId(), event.invoiceId(), "recovered", event.amount(), event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(LateFeesAccrued event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        for (LateFeeAccrual accrual : event.accruals()) {
            move(event.customerId(), accrual.invoiceId(), accrual.termId(), accrual.amount(), false, false, event.occurredOn(), at, seq, eventId);
            flow(event.customerId(), accrual.invoiceId(), CHARGED, accrual.amount(), event.occurredOn(), at, seq, eventId);
        }
        rollUp(event.customerId(), seq);
    }

    /**
     * Fees taken back are no longer owed, nor charged: what was open of them leaves what is open and
     * what was charged alike, so the CEI does not count it as collected; money that had paid them
     * stays collected (it became the customer's credit).
     */
    @EventHandler
    void on(LateFeesCorrected event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        for (LateFeeCorrection correction : event.corrections()) {
            move(event.customerId(), correction.invoiceId(), correction.termId(), correction.openTakenBack().negate(), false, false,
                    event.occurredOn(), at, seq, eventId);
            flow(event.customerId(), correction.invoiceId(), CHARGED, correction.openTakenBack().negate(), event.occurredOn(), at, seq, eventId);
        }
        rollUp(event.customerId(), seq);
    }

    /**
     * What the plan covers leaves its terms (neither collected nor credited); its installments are owed and age from their own due
     * dates, and the interest agreed on them is charged on the plan's day.
     */
    @EventHandler
    void on(PaymentPlanAgreed event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        for (Installment installment : event.installments()) {
            terms.add(event.customerId(), event.planId(), installment.installmentId(), installment.dueDate());
        }
        for (Allocation rescheduled : event.rescheduled()) {
            move(event.customerId(), rescheduled.invoiceId(), rescheduled.termId(), rescheduled.amount().negate(), principal(rescheduled), false,
                    event.occurredOn(), at, seq, eventId);
        }
        for (Installment installment : event.installments()) {
            move(event.customerId(), event.planId(), installment.installmentId(), installment.principal().plus(installment.interest()), true, false,
                    event.occurredOn(), at, seq, eventId);
            flow(event.customerId(), event.planId(), CHARGED, installment.interest(), event.occurredOn(), at, seq, eventId);
        }
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(DisputeRaised event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        disputes.add(event.customerId(), event.disputeId(), event.invoiceId(), event.occurredOn());
        count(event.customerId(), event.invoiceId(), "disputes_opened", 1, null, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        resolutions.add(event.customerId(), event.disputeId(), event.occurredOn(), java.sql.Timestamp.from(at), seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(PaymentPromiseRecorded event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        promises.add(event.customerId(), event.promiseId(), event.occurredOn(), event.promisedDate(), event.collector());
        count(event.customerId(), "", "promises_made", 1, event.collector(), event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(PaymentPromiseKept event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.KEPT, 1, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(PaymentPromisePartiallyKept event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.PARTIALLY_KEPT, 1, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(PaymentPromiseBroken event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.BROKEN, 1, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    /** The outcome as last recorded counts: the corrected one leaves, the correction comes in. */
    @EventHandler
    void on(PaymentPromiseOutcomeCorrected event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        outcome(event.customerId(), event.promiseId(), event.previous(), -1, event.occurredOn(), at, seq, eventId);
        outcome(event.customerId(), event.promiseId(), event.corrected(), 1, event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(ContactAttemptLogged event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        count(event.customerId(), "", "contact_attempts", 1, event.collector(), event.occurredOn(), at, seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(CollectorAssigned event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        assignments.add(event.customerId(), event.occurredOn(), event.occurredOn(), event.collector(), event.tier().name(), seq, event.customerId());
        changes.add(event.customerId(), null, event.occurredOn(), java.sql.Timestamp.from(at), seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @EventHandler
    void on(ReceivableClassified event, @Timestamp Instant at, @SequenceNumber long seq, @MessageIdentifier String eventId) {
        classifications.add(event.customerId(), event.invoiceId(), event.occurredOn(), event.occurredOn(), event.receivableClass().name(), seq,
                event.customerId(), event.invoiceId());
        changes.add(event.customerId(), event.invoiceId(), event.occurredOn(), java.sql.Timestamp.from(at), seq, eventId);
        rollUp(event.customerId(), seq);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate metrics_assignment, metrics_classification, metrics_term, metrics_promise, metrics_dispute,
                         metrics_fact, metrics_day, metrics_day_before_event""").update();
    }

    @QueryHandler
    public PortfolioMetrics handle(PortfolioMetricsQuery query) {
        return new PortfolioMetricsCalculation(jdbc, query).metrics();
    }

    private void settle(String customerId, List<Allocation> allocations, String measure, boolean collection,
                        LocalDate occurredOn, Instant at, long seq, String eventId) {
        for (Allocation allocation : allocations) {
            move(customerId, allocation.invoiceId(), allocation.termId(), allocation.amount().negate(), principal(allocation), collection,
                    occurredOn, at, seq, eventId);
            flow(customerId, allocation.invoiceId(), measure, allocation.amount(), occurredOn, at, seq, eventId);
        }
    }

    /** A change of what is open on a term: both stocks, and the term's recovery cohort when it is principal. */
    private void move(String customerId, String invoiceId, String termId, Money amount, boolean principal, boolean collection,
                      LocalDate occurredOn, Instant at, long seq, String eventId) {
        movements.add(customerId, invoiceId, termId, amount.currency(), amount.amount(), principal, collection, occurredOn, java.sql.Timestamp.from(at),
                seq, eventId);
    }

    private void flow(String customerId, String invoiceId, String measure, Money amount, LocalDate occurredOn, Instant at, long seq, String eventId) {
        flows.add(customerId, invoiceId, measure, amount.currency(), amount.amount(), occurredOn, null, occurredOn, java.sql.Timestamp.from(at), seq, eventId);
    }

    private void count(String customerId, String invoiceId, String measure, int count, String named, LocalDate occurredOn, Instant at,
                       long seq, String eventId) {
        flows.add(customerId, invoiceId, measure, "", BigDecimal.valueOf(count), occurredOn, named, occurredOn, java.sql.Timestamp.from(at), seq, eventId);
    }

    private void outcome(String customerId, String promiseId, PromiseOutcome outcome, int count, LocalDate occurredOn, Instant at, long seq,
                         String eventId) {
        outcomes.add(customerId, promiseId, "promises_" + outcome.name().toLowerCase(Locale.ROOT), BigDecimal.valueOf(count), occurredOn,
                java.sql.Timestamp.from(at), seq, eventId);
    }

    private static boolean principal(Allocation allocation) {
        return allocation.component() == Allocation.Component.PRINCIPAL;
    }

    /**
     * The event's rows summed into {@code metrics_day} and {@code metrics_day_before_event}, once each handler has added them all: once per batch, after its rows are written
     * (a prepare-commit handler registered after the one of {@link BatchedWrites}, which the
     * event's first row registered), in the order of the sums' keys, so that two segments'
     * batches adding to the same days lock them in the same order.
     */
    private void rollUp(String customerId, long seq) {
        Event event = new Event(customerId, seq);
        if (!CurrentUnitOfWork.isStarted()) {
            rollUp(List.of(event));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.getOrComputeResource(rollUpKey, key -> {
            List<Event> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> rollUp(batch));
            return batch;
        }).add(event);
    }

    private record Event(String customerId, long seq) {
    }

    private void rollUp(List<Event> events) {
        String[] customers = events.stream().map(Event::customerId).toArray(String[]::new);
        Long[] seqs = events.stream().map(Event::seq).toArray(Long[]::new);
        jdbc.sql("""
                        insert into metrics_day as d (dimension, value, currency, measure, day, amount)
                        select dim.dimension, dim.value, f.currency, f.measure, f.day, sum(f.amount)
                        from metrics_fact f
                        cross join lateral (values ('all', ''), ('collector', f.collector), ('tier', f.tier),
                                                   ('receivable_class', f.receivable_class)) as dim (dimension, value)
                        where (f.customer_id, f.sequence_number) in (select * from unnest(?::text[], ?::bigint[]))
                          and dim.value is not null
                        group by 1, 2, 3, 4, 5
                        order by 1, 2, 3, 4, 5
                        on conflict (dimension, value, currency, measure, day) do update set amount = d.amount + excluded.amount""")
                // positional: the driver binds each Java array as one array parameter (as Journal.positions does)
                .params(customers, seqs)
                .update();
        // after metrics_day in every batch, so that two segments' batches lock both tables' rows in the same order
        jdbc.sql("""
                        insert into metrics_day_before_event as d (dimension, occurred_on, value, currency, measure, day, amount)
                        select dim.dimension, f.occurred_on, dim.value, f.currency, f.measure, f.day, sum(f.amount)
                        from metrics_fact f
                        cross join lateral (values ('all', ''), ('collector', f.collector), ('tier', f.tier),
                                                   ('receivable_class', f.receivable_class)) as dim (dimension, value)
                        where (f.customer_id, f.sequence_number) in (select * from unnest(?::text[], ?::bigint[]))
                          and f.day < f.occurred_on and dim.value is not null
                        group by 1, 2, 3, 4, 5, 6
                        order by 1, 2, 3, 4, 5, 6
                        on conflict (dimension, occurred_on, value, currency, measure, day) do update set amount = d.amount + excluded.amount""")
                .params(customers, seqs)
                .update();
    }
}
