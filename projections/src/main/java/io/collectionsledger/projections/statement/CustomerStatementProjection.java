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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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

    private final JdbcClient jdbc;

    public CustomerStatementProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        for (InvoiceTerm term : event.terms()) {
            jdbc.sql("""
                    insert into statement_term (customer_id, invoice_id, term_id, contract_id, currency, issued_on, due_date, amount)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.customerId(), event.invoiceId(), term.termId(), event.contractId(),
                            term.amount().currency(), event.occurredOn(), term.dueDate(), term.amount().amount())
                    .update();
        }
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        event.reductions().forEach(r -> add(event.customerId(), r, "credited", r.amount().amount()));
    }

    @EventHandler
    void on(PaymentRecorded event) {
        event.allocations().forEach(a -> add(event.customerId(), a, "paid", a.amount().amount()));
        addCredit(event.customerId(), event.unapplied());
    }

    @EventHandler
    void on(PaymentReversed event) {
        event.reopened().forEach(a -> add(event.customerId(), a, "paid", a.amount().amount().negate()));
        addCredit(event.customerId(), event.unappliedReversed().negate());
    }

    @EventHandler
    void on(UnappliedCreditApplied event) {
        event.allocations().forEach(a -> add(event.customerId(), a, "paid", a.amount().amount()));
        addCredit(event.customerId(), event.amount().negate());
    }

    @EventHandler
    void on(UnappliedCreditRefunded event) {
        addCredit(event.customerId(), event.amount().negate());
    }

    @EventHandler
    void on(LateFeesAccrued event) {
        for (LateFeeAccrual accrual : event.accruals()) {
            add(event.customerId(), accrual.invoiceId(), accrual.termId(), "late_fees", accrual.amount().amount());
        }
    }

    /** The plan's installments become items of their own; what they replace leaves the covered terms. */
    @EventHandler
    void on(PaymentPlanAgreed event) {
        event.rescheduled().forEach(a -> add(event.customerId(), a, "rescheduled", a.amount().amount()));
        for (Installment installment : event.installments()) {
            jdbc.sql("""
                    insert into statement_term (customer_id, invoice_id, term_id, currency, issued_on, due_date, amount, late_fees)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.customerId(), event.planId(), installment.installmentId(), installment.principal().currency(),
                            event.occurredOn(), installment.dueDate(), installment.principal().amount(), installment.interest().amount())
                    .update();
        }
    }

    @EventHandler
    void on(ReceivableWrittenOff event) {
        event.writtenOff().forEach(a -> add(event.customerId(), a, "written_off", a.amount().amount()));
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
        // column is one of this class's constants, never input
        jdbc.sql("update statement_term set " + column + " = " + column + " + ? where customer_id = ? and invoice_id = ? and term_id = ?")
                .params(delta, customerId, invoiceId, termId)
                .update();
    }

    private void addCredit(String customerId, Money delta) {
        if (delta.signum() == 0) {
            return;
        }
        jdbc.sql("""
                insert into statement_credit (customer_id, currency, unapplied) values (?, ?, ?)
                on conflict (customer_id, currency) do update set unapplied = statement_credit.unapplied + excluded.unapplied""")
                .params(customerId, delta.currency(), delta.amount())
                .update();
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
