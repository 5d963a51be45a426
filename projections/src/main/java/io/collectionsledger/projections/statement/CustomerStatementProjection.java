package io.collectionsledger.projections.statement;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.statement.OpenItem;
import io.collectionsledger.contracts.statement.StatementOfAccount;
import io.collectionsledger.contracts.statement.StatementOfAccountQuery;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.AccruedLateFees;
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

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's statement of open items, kept from the event stream: what each invoice term (or
 * payment-plan installment) asked, the late fees added to it, what was credited, paid, written
 * off or moved into a plan, and the unapplied credit. Beside what is open now, every change is
 * kept as a movement with its business date and recording time, so the statement of account as of
 * any date, as known at any time, sums the movements that qualify, and adds the late fees accrued
 * since the last day recorded ({@link AccruedLateFees}). It only listens and answers; it never
 * writes events.
 */
@Component
@ProcessingGroup(CustomerStatementProjection.PROCESSING_GROUP)
public class CustomerStatementProjection {

    public static final String PROCESSING_GROUP = "customer-statement";

    /** What is still owed on a term. */
    private static final String OPEN = "amount + late_fees - credited - paid - written_off - rescheduled";
    private static final String LATE_FEES = "late_fees";
    private static final String CREDITED = "credited";
    private static final String PAID = "paid";
    private static final String WRITTEN_OFF = "written_off";
    private static final String RESCHEDULED = "rescheduled";

    /**
     * What the late fees accrued since the last recorded day rest on, in this read model's tables: the
     * terms under a contract with late-fee terms not written off by then; what left a term's principal
     * (credited, paid, written off, rescheduled) or, a reversal's negative payment, reopened it; the fees
     * recorded net of corrections (a plan's interest stands there too, but an installment names no contract).
     */
    private static final AccruedLateFees.Tables FEES_ACCRUED = new AccruedLateFees.Tables("""
            select distinct t.invoice_id, c.daily_rate_percent, c.cap_percent_of_principal
            from statement_term t
            join statement_late_fee_terms c on (c.customer_id, c.contract_id) = (t.customer_id, t.contract_id)
            where t.customer_id = :customer and t.issued_on <= :asOf and t.issued_at <= :knownAt
              and not exists (select from statement_write_off w
                              where (w.customer_id, w.invoice_id) = (t.customer_id, t.invoice_id)
                                and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)""", """
            select invoice_id, term_id, occurred_on, accrued_through,
                   case when component = 'PRINCIPAL' then -amount end as principal_change,
                   case when kind = 'late_fees' then amount end as fees_recorded
            from statement_movement
            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
              and (kind = 'late_fees' or component = 'PRINCIPAL')""", """
            select effective_from, annual_percent from statement_legal_cap where recorded_at <= :knownAt order by sequence_number""");

    /** A movement's accrued_through, on all but late fees accrued. */
    private static final SqlParameterValue NO_DAY = new SqlParameterValue(Types.DATE, null);

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement terms;
    private final BatchedWrites.Statement installments;
    private final Map<String, BatchedWrites.Statement> additions = new HashMap<>();
    private final BatchedWrites.Statement credits;
    private final BatchedWrites.Statement movements;
    private final BatchedWrites.Statement creditMovements;
    private final BatchedWrites.Statement lateFeeTerms;
    private final BatchedWrites.Statement writeOffs;
    private final BatchedWrites.Statement legalCaps;

    /**
     * Terms and installments are inserted before the amounts are added to them, so a batch's
     * rows can wait for its end: its terms are written first, then what was added to any term
     * (additions commute), then the changes to the unapplied credit (which commute too).
     */
    public CustomerStatementProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.terms = writes.statement("""
                insert into statement_term (customer_id, invoice_id, term_id, contract_id, currency, issued_on, issued_at, due_date, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.installments = writes.statement("""
                insert into statement_term (customer_id, invoice_id, term_id, currency, issued_on, issued_at, due_date, amount, late_fees)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (String column : List.of(LATE_FEES, CREDITED, PAID, WRITTEN_OFF, RESCHEDULED)) {
            additions.put(column, writes.statement("update statement_term set " + column + " = " + column
                    + " + ? where customer_id = ? and invoice_id = ? and term_id = ?"));
        }
        // insert ... select, not values: rewritten into one multi-row insert, two changes to the same
        // customer's credit in a batch would make PostgreSQL refuse to update a row twice in a statement
        this.credits = writes.statement("""
                insert into statement_credit (customer_id, currency, unapplied) select ?, ?, cast(? as numeric)
                on conflict (customer_id, currency) do update set unapplied = statement_credit.unapplied + excluded.unapplied""");
        this.movements = writes.statement("""
                insert into statement_movement (customer_id, invoice_id, term_id, kind, component, amount, occurred_on, recorded_at, accrued_through)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.creditMovements = writes.statement("""
                insert into statement_credit_movement (customer_id, currency, amount, occurred_on, recorded_at) values (?, ?, ?, ?, ?)""");
        this.lateFeeTerms = writes.statement("""
                insert into statement_late_fee_terms (customer_id, contract_id, daily_rate_percent, cap_percent_of_principal) values (?, ?, ?, ?)""");
        this.writeOffs = writes.statement("""
                insert into statement_write_off (customer_id, invoice_id, occurred_on, recorded_at) values (?, ?, ?, ?)""");
        this.legalCaps = writes.statement("""
                insert into statement_legal_cap (sequence_number, effective_from, annual_percent, recorded_at) values (?, ?, ?, ?)""");
    }

    /** When a fact happened and when it was recorded: a movement counts as of a date and time both are within. */
    private record When(LocalDate occurredOn, java.sql.Timestamp recordedAt) {

        static When of(LocalDate occurredOn, Instant recordedAt) {
            return new When(occurredOn, java.sql.Timestamp.from(recordedAt));
        }
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
            terms.add(event.customerId(), event.invoiceId(), term.termId(), event.contractId(), term.amount().currency(),
                    event.occurredOn(), java.sql.Timestamp.from(recordedAt), term.dueDate(), term.amount().amount());
        }
    }

    @EventHandler
    void on(CreditNoteIssued event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.reductions().forEach(r -> add(event.customerId(), r, CREDITED, r.amount().amount(), when));
    }

    @EventHandler
    void on(PaymentRecorded event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.allocations().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount(), when));
        addCredit(event.customerId(), event.unapplied(), when);
    }

    @EventHandler
    void on(PaymentReversed event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.reopened().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount().negate(), when));
        addCredit(event.customerId(), event.unappliedReversed().negate(), when);
    }

    @EventHandler
    void on(UnappliedCreditApplied event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.allocations().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount(), when));
        addCredit(event.customerId(), event.amount().negate(), when);
    }

    @EventHandler
    void on(UnappliedCreditRefunded event, @Timestamp Instant recordedAt) {
        addCredit(event.customerId(), event.amount().negate(), When.of(event.occurredOn(), recordedAt));
    }

    @EventHandler
    void on(LateFeesAccrued event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        for (LateFeeAccrual accrual : event.accruals()) {
            additions.get(LATE_FEES).add(accrual.amount().amount(), event.customerId(), accrual.invoiceId(), accrual.termId());
            movements.add(event.customerId(), accrual.invoiceId(), accrual.termId(), LATE_FEES, null, accrual.amount().amount(),
                    when.occurredOn(), when.recordedAt(), accrual.accruedThrough());
        }
    }

    /**
     * Fees taken back leave the term's late fees; what had already paid them leaves what was paid
     * on the term and becomes unapplied credit, so the statement (and the letters drawn from it)
     * states the corrected fees.
     */
    @EventHandler
    void on(LateFeesCorrected event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        for (LateFeeCorrection correction : event.corrections()) {
            add(event.customerId(), correction.invoiceId(), correction.termId(), LATE_FEES, null, correction.takenBack().amount().negate(), when);
            if (correction.credited().signum() != 0) {
                add(event.customerId(), correction.invoiceId(), correction.termId(), PAID, Allocation.Component.LATE_FEES.name(),
                        correction.credited().amount().negate(), when);
                addCredit(event.customerId(), correction.credited(), when);
            }
        }
    }

    /**
     * The plan's installments become items of their own, their interest standing where a term's
     * late fees stand; what they replace leaves the covered terms.
     */
    @EventHandler
    void on(PaymentPlanAgreed event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.rescheduled().forEach(a -> add(event.customerId(), a, RESCHEDULED, a.amount().amount(), when));
        for (Installment installment : event.installments()) {
            installments.add(event.customerId(), event.planId(), installment.installmentId(), installment.principal().currency(),
                    event.occurredOn(), when.recordedAt(), installment.dueDate(), installment.principal().amount(), installment.interest().amount());
            movements.add(event.customerId(), event.planId(), installment.installmentId(), LATE_FEES, null, installment.interest().amount(),
                    when.occurredOn(), when.recordedAt(), NO_DAY);
        }
    }

    @EventHandler
    void on(ReceivableWrittenOff event, @Timestamp Instant recordedAt) {
        When when = When.of(event.occurredOn(), recordedAt);
        event.writtenOff().forEach(a -> add(event.customerId(), a, WRITTEN_OFF, a.amount().amount(), when));
        writeOffs.add(event.customerId(), event.invoiceId(), when.occurredOn(), when.recordedAt());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate statement_term, statement_credit, statement_movement, statement_credit_movement,
                         statement_late_fee_terms, statement_write_off, statement_legal_cap""").update();
    }

    @QueryHandler
    public CustomerStatement handle(CustomerStatementQuery query) {
        // as of today, as the read model knows it now: every fact it holds counts
        AccruedLateFees fees = new AccruedLateFees(jdbc, FEES_ACCRUED, query.customerId(), query.today(), Instant.parse("9999-12-31T23:59:59Z"));
        List<OpenItem> items = jdbc.sql("""
                        select invoice_id, term_id, contract_id, currency, issued_on, due_date, amount, late_fees, credited, paid,
                               written_off, rescheduled
                        from statement_term
                        where customer_id = ? and %s <> 0
                        order by due_date, issued_on, invoice_id, term_id""".formatted(OPEN))
                .param(query.customerId())
                .query(CustomerStatementProjection::openItem)
                .stream().map(item -> withFeesAccrued(item, fees)).toList();
        Map<String, Money> open = new HashMap<>();
        for (OpenItem item : items) {
            open.merge(item.open().currency(), item.open(), Money::plus);
        }
        List<Money> totals = jdbc.sql("""
                        select distinct currency from statement_term where customer_id = ? order by currency""")
                .param(query.customerId())
                .query((rs, n) -> open.getOrDefault(rs.getString("currency"), Money.zero(rs.getString("currency"))))
                .list();
        List<Money> credit = jdbc.sql("""
                        select currency, unapplied from statement_credit
                        where customer_id = ? and unapplied <> 0 order by currency""")
                .param(query.customerId())
                .query((rs, n) -> new Money(rs.getBigDecimal("unapplied"), rs.getString("currency")))
                .list();
        return new CustomerStatement(query.customerId(), items, totals, credit);
    }

    /**
     * The statement of account as of the query's date and time: the terms issued by then, each
     * with the movements that happened and were recorded by then; the terms with something open.
     */
    @QueryHandler
    public StatementOfAccount handle(StatementOfAccountQuery query) {
        Map<String, Object> params = Map.of("customer", query.customerId(), "asOf", query.asOf(), "knownAt", java.sql.Timestamp.from(query.knownAt()));
        List<AccountItem> all = jdbc.sql("""
                        select t.invoice_id, t.term_id, t.contract_id, t.currency, t.issued_on, t.due_date, t.amount,
                               coalesce(sum(m.amount) filter (where m.kind = 'late_fees'), 0) as late_fees,
                               coalesce(sum(m.amount) filter (where m.kind = 'credited'), 0) as credited,
                               coalesce(sum(m.amount) filter (where m.kind = 'paid'), 0) as paid,
                               coalesce(sum(m.amount) filter (where m.kind = 'written_off'), 0) as written_off,
                               coalesce(sum(m.amount) filter (where m.kind = 'rescheduled'), 0) as rescheduled,
                               coalesce(sum(m.amount) filter (where m.kind <> 'late_fees' and m.component = 'LATE_FEES'), 0) as late_fees_settled
                        from statement_term t
                        left join statement_movement m
                               on (m.customer_id, m.invoice_id, m.term_id) = (t.customer_id, t.invoice_id, t.term_id)
                              and m.occurred_on <= :asOf and m.recorded_at <= :knownAt
                        where t.customer_id = :customer and t.issued_on <= :asOf and t.issued_at <= :knownAt
                        group by t.invoice_id, t.term_id, t.contract_id, t.currency, t.issued_on, t.due_date, t.amount
                        order by t.due_date, t.issued_on, t.invoice_id, t.term_id""")
                .params(params)
                .query(CustomerStatementProjection::accountItem)
                .list();
        AccruedLateFees fees = new AccruedLateFees(jdbc, FEES_ACCRUED, query.customerId(), query.asOf(), query.knownAt());
        all = all.stream().map(item -> withFeesAccrued(item, fees)).toList();
        Map<String, Money> totals = new LinkedHashMap<>();
        all.stream().sorted(java.util.Comparator.comparing((AccountItem item) -> item.open().currency()))
                .forEach(item -> totals.merge(item.open().currency(), item.open(), Money::plus));
        List<Money> credit = jdbc.sql("""
                        select currency, sum(amount) as unapplied from statement_credit_movement
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                        group by currency having sum(amount) <> 0 order by currency""")
                .params(params)
                .query((rs, n) -> new Money(rs.getBigDecimal("unapplied"), rs.getString("currency")))
                .list();
        List<AccountItem> open = all.stream().filter(item -> item.open().signum() != 0).toList();
        return new StatementOfAccount(query.customerId(), query.asOf(), query.knownAt(), open, new ArrayList<>(totals.values()), credit);
    }

    private void add(String customerId, Allocation allocation, String column, BigDecimal delta, When when) {
        add(customerId, allocation.invoiceId(), allocation.termId(), column, allocation.component().name(), delta, when);
    }

    private void add(String customerId, String invoiceId, String termId, String column, String component, BigDecimal delta, When when) {
        additions.get(column).add(delta, customerId, invoiceId, termId);
        movements.add(customerId, invoiceId, termId, column, component, delta, when.occurredOn(), when.recordedAt(), NO_DAY);
    }

    private void addCredit(String customerId, Money delta, When when) {
        if (delta.signum() == 0) {
            return;
        }
        credits.add(customerId, delta.currency(), delta.amount());
        creditMovements.add(customerId, delta.currency(), delta.amount(), when.occurredOn(), when.recordedAt());
    }

    private static AccountItem accountItem(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Money amount = new Money(rs.getBigDecimal("amount"), currency);
        Money lateFees = new Money(rs.getBigDecimal("late_fees"), currency);
        Money credited = new Money(rs.getBigDecimal("credited"), currency);
        Money paid = new Money(rs.getBigDecimal("paid"), currency);
        Money writtenOff = new Money(rs.getBigDecimal("written_off"), currency);
        Money rescheduled = new Money(rs.getBigDecimal("rescheduled"), currency);
        Money open = amount.plus(lateFees).minus(credited).minus(paid).minus(writtenOff).minus(rescheduled);
        Money openLateFees = lateFees.minus(new Money(rs.getBigDecimal("late_fees_settled"), currency));
        return new AccountItem(rs.getString("invoice_id"), rs.getString("term_id"), rs.getString("contract_id"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                amount, lateFees, paid, credited, writtenOff, rescheduled, open, open.minus(openLateFees), openLateFees);
    }

    /** The item, when open and overdue, with the fees accrued since its last recorded day added to its late fees and what is open. */
    private static AccountItem withFeesAccrued(AccountItem item, AccruedLateFees fees) {
        Money accrued = fees.accrued(item.invoiceId(), item.termId(), item.dueDate(), item.amount(), item.open());
        if (accrued.signum() == 0) {
            return item;
        }
        return new AccountItem(item.invoiceId(), item.termId(), item.contractId(), item.issuedOn(), item.dueDate(), item.amount(),
                item.lateFees().plus(accrued), item.paid(), item.credited(), item.writtenOff(), item.rescheduled(),
                item.open().plus(accrued), item.openPrincipal(), item.openLateFees().plus(accrued));
    }

    /** The item with the fees accrued since its last recorded day through the statement's day added. */
    private static OpenItem withFeesAccrued(OpenItem item, AccruedLateFees fees) {
        Money accrued = fees.accrued(item.invoiceId(), item.termId(), item.dueDate(), item.amount(), item.open());
        if (accrued.signum() == 0) {
            return item;
        }
        return new OpenItem(item.invoiceId(), item.termId(), item.contractId(), item.issuedOn(), item.dueDate(), item.amount(),
                item.lateFees().plus(accrued), item.paid(), item.credited(), item.writtenOff(), item.rescheduled(), item.open().plus(accrued));
    }

    private static OpenItem openItem(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Money amount = new Money(rs.getBigDecimal("amount"), currency);
        Money lateFees = new Money(rs.getBigDecimal("late_fees"), currency);
        Money credited = new Money(rs.getBigDecimal("credited"), currency);
        Money paid = new Money(rs.getBigDecimal("paid"), currency);
        Money writtenOff = new Money(rs.getBigDecimal("written_off"), currency);
        Money rescheduled = new Money(rs.getBigDecimal("rescheduled"), currency);
        return new OpenItem(rs.getString("invoice_id"), rs.getString("term_id"), rs.getString("contract_id"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                amount, lateFees, paid, credited, writtenOff, rescheduled,
                amount.plus(lateFees).minus(credited).minus(paid).minus(writtenOff).minus(rescheduled));
    }

    /** The table keeps four decimals for every currency; a Money keeps the currency's own. */
}
