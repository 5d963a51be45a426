package io.collectionsledger.projections.statement;

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
import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.contracts.statement.OpenItem;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's statement of open items, kept from the event stream: what each invoice term (or
 * payment-plan installment) asked, the late fees added to it, what was credited, paid, written
 * off or moved into a plan, and the unapplied credit. It only listens and
 * answers; it never writes events.
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

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement terms;
    private final BatchedWrites.Statement installments;
    private final Map<String, BatchedWrites.Statement> additions = new HashMap<>();
    private final BatchedWrites.Statement credits;

    /**
     * Terms and installments are inserted before the amounts are added to them, so a batch's
     * rows can wait for its end: its terms are written first, then what was added to any term
     * (additions commute), then the changes to the unapplied credit (which commute too).
     */
    public CustomerStatementProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.terms = writes.statement("""
                insert into statement_term (customer_id, invoice_id, term_id, contract_id, currency, issued_on, due_date, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?)""");
        this.installments = writes.statement("""
                insert into statement_term (customer_id, invoice_id, term_id, currency, issued_on, due_date, amount, late_fees)
                values (?, ?, ?, ?, ?, ?, ?, ?)""");
        for (String column : List.of(LATE_FEES, CREDITED, PAID, WRITTEN_OFF, RESCHEDULED)) {
            additions.put(column, writes.statement("update statement_term set " + column + " = " + column
                    + " + ? where customer_id = ? and invoice_id = ? and term_id = ?"));
        }
        // insert ... select, not values: rewritten into one multi-row insert, two changes to the same
        // customer's credit in a batch would make PostgreSQL refuse to update a row twice in a statement
        this.credits = writes.statement("""
                insert into statement_credit (customer_id, currency, unapplied) select ?, ?, cast(? as numeric)
                on conflict (customer_id, currency) do update set unapplied = statement_credit.unapplied + excluded.unapplied""");
    }

    @EventHandler
    void on(InvoiceIssued event) {
        for (InvoiceTerm term : event.terms()) {
            terms.add(event.customerId(), event.invoiceId(), term.termId(), event.contractId(),
                    term.amount().currency(), event.occurredOn(), term.dueDate(), term.amount().amount());
        }
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        event.reductions().forEach(r -> add(event.customerId(), r, CREDITED, r.amount().amount()));
    }

    @EventHandler
    void on(PaymentRecorded event) {
        event.allocations().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount()));
        addCredit(event.customerId(), event.unapplied());
    }

    @EventHandler
    void on(PaymentReversed event) {
        event.reopened().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount().negate()));
        addCredit(event.customerId(), event.unappliedReversed().negate());
    }

    @EventHandler
    void on(UnappliedCreditApplied event) {
        event.allocations().forEach(a -> add(event.customerId(), a, PAID, a.amount().amount()));
        addCredit(event.customerId(), event.amount().negate());
    }

    @EventHandler
    void on(UnappliedCreditRefunded event) {
        addCredit(event.customerId(), event.amount().negate());
    }

    @EventHandler
    void on(LateFeesAccrued event) {
        for (LateFeeAccrual accrual : event.accruals()) {
            add(event.customerId(), accrual.invoiceId(), accrual.termId(), LATE_FEES, accrual.amount().amount());
        }
    }

    /** The plan's installments become items of their own; what they replace leaves the covered terms. */
    @EventHandler
    void on(PaymentPlanAgreed event) {
        event.rescheduled().forEach(a -> add(event.customerId(), a, RESCHEDULED, a.amount().amount()));
        for (Installment installment : event.installments()) {
            installments.add(event.customerId(), event.planId(), installment.installmentId(), installment.principal().currency(),
                    event.occurredOn(), installment.dueDate(), installment.principal().amount(), installment.interest().amount());
        }
    }

    @EventHandler
    void on(ReceivableWrittenOff event) {
        event.writtenOff().forEach(a -> add(event.customerId(), a, WRITTEN_OFF, a.amount().amount()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate statement_term, statement_credit").update();
    }

    @QueryHandler
    public CustomerStatement handle(CustomerStatementQuery query) {
        List<OpenItem> items = jdbc.sql("""
                        select invoice_id, term_id, contract_id, currency, issued_on, due_date, amount, late_fees, credited, paid,
                               written_off, rescheduled
                        from statement_term
                        where customer_id = ? and %s <> 0
                        order by due_date, issued_on, invoice_id, term_id""".formatted(OPEN))
                .param(query.customerId())
                .query(CustomerStatementProjection::openItem)
                .list();
        List<Money> totals = jdbc.sql("""
                        select currency, sum(%s) as open
                        from statement_term where customer_id = ? group by currency order by currency""".formatted(OPEN))
                .param(query.customerId())
                .query((rs, n) -> new Money(rs.getBigDecimal("open"), rs.getString("currency")))
                .list();
        List<Money> credit = jdbc.sql("""
                        select currency, unapplied from statement_credit
                        where customer_id = ? and unapplied <> 0 order by currency""")
                .param(query.customerId())
                .query((rs, n) -> new Money(rs.getBigDecimal("unapplied"), rs.getString("currency")))
                .list();
        return new CustomerStatement(query.customerId(), items, totals, credit);
    }

    private void add(String customerId, Allocation allocation, String column, BigDecimal delta) {
        add(customerId, allocation.invoiceId(), allocation.termId(), column, delta);
    }

    private void add(String customerId, String invoiceId, String termId, String column, BigDecimal delta) {
        additions.get(column).add(delta, customerId, invoiceId, termId);
    }

    private void addCredit(String customerId, Money delta) {
        if (delta.signum() == 0) {
            return;
        }
        credits.add(customerId, delta.currency(), delta.amount());
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
                rs.getObject("issued_on", java.time.LocalDate.class), rs.getObject("due_date", java.time.LocalDate.class),
                amount, lateFees, paid, credited, writtenOff, rescheduled,
                amount.plus(lateFees).minus(credited).minus(paid).minus(writtenOff).minus(rescheduled));
    }

    /** The table keeps four decimals for every currency; a Money keeps the currency's own. */
}
