package io.collectionsledger.projections.statement;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.projections.shared.LegalLateFeeCapsRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The late fees accrued on a customer's open overdue terms after the last day recorded for each, up to
 * the statement's date, as known at its time: the ledger records fees only when it must fix an amount
 * (a payment, a letter, a write-off, a month's end, a cap reached), while a statement as of any day
 * owes the fees of every day to then. One customer's terms are few, so each is computed in Java by the
 * calculation the account uses ({@link AccruingLateFees}), from the term's principal movements by
 * business date, the contract's late-fee terms, the fees recorded and through which day, and the legal
 * cap's schedule as recorded by then. None on a term whose invoice was written off by then.
 */
final class StatementLateFees {

    private final JdbcClient jdbc;
    private final Map<String, Object> params;
    private final LocalDate asOf;
    /** Read on the first term asked about. */
    private Map<String, FeeTerm> feeTerms;
    private LegalLateFeeCaps legalCaps;

    StatementLateFees(JdbcClient jdbc, Map<String, Object> params, LocalDate asOf) {
        this.jdbc = jdbc;
        this.params = params;
        this.asOf = asOf;
    }

    /** What a term's fees rest on, as of the statement's date and time. */
    private static final class FeeTerm {
        LateFeeTerms terms;
        final Map<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
        BigDecimal recorded = BigDecimal.ZERO;
        LocalDate recordedThrough;
    }

    /** The items, each open overdue one with the fees accrued since its last recorded day added to its late fees and what is open. */
    List<AccountItem> withFeesAccrued(List<AccountItem> items) {
        return items.stream().map(item -> {
            Money accrued = accrued(item.invoiceId(), item.termId(), item.dueDate(), item.amount(), item.open());
            if (accrued.signum() == 0) {
                return item;
            }
            return new AccountItem(item.invoiceId(), item.termId(), item.contractId(), item.issuedOn(), item.dueDate(), item.amount(),
                    item.lateFees().plus(accrued), item.paid(), item.credited(), item.writtenOff(), item.rescheduled(),
                    item.open().plus(accrued), item.openPrincipal(), item.openLateFees().plus(accrued));
        }).toList();
    }

    /** The fees accrued on one term since its last recorded day; zero on a term with nothing open, not yet overdue or bearing no fees. */
    Money accrued(String invoiceId, String termId, LocalDate dueDate, Money principal, Money open) {
        if (feeTerms == null) {
            feeTerms = feeTerms();
        }
        FeeTerm term = feeTerms.get(key(invoiceId, termId));
        if (term == null || open.signum() == 0 || !dueDate.isBefore(asOf)) {
            return Money.zero(principal.currency());
        }
        if (legalCaps == null) {
            legalCaps = legalCaps();
        }
        Map<LocalDate, Money> changes = new TreeMap<>();
        term.principalChanges.forEach((day, change) -> changes.put(day, new Money(change, principal.currency())));
        return new AccruingLateFees(dueDate, principal, changes, term.terms, legalCaps)
                .after(new Money(term.recorded, principal.currency()), term.recordedThrough, asOf).amount();
    }

    /** The customer's terms under a contract with late-fee terms, not written off by then, with their principal's movements and fees recorded. */
    private Map<String, FeeTerm> feeTerms() {
        Map<String, FeeTerm> terms = new HashMap<>();
        jdbc.sql("""
                        select t.invoice_id, t.term_id, c.daily_rate_percent, c.cap_percent_of_principal
                        from statement_term t
                        join statement_late_fee_terms c on (c.customer_id, c.contract_id) = (t.customer_id, t.contract_id)
                        where t.customer_id = :customer and t.issued_on <= :asOf and t.issued_at <= :knownAt
                          and not exists (select from statement_write_off w
                                          where (w.customer_id, w.invoice_id) = (t.customer_id, t.invoice_id)
                                            and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)""")
                .params(params)
                .query(rs -> {
                    FeeTerm term = new FeeTerm();
                    term.terms = new LateFeeTerms(rs.getBigDecimal("daily_rate_percent"), rs.getBigDecimal("cap_percent_of_principal"), false);
                    terms.put(key(rs.getString("invoice_id"), rs.getString("term_id")), term);
                });
        if (terms.isEmpty()) {
            return terms;
        }
        jdbc.sql("""
                        select invoice_id, term_id, kind, amount, occurred_on, accrued_through from statement_movement
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                          and (kind = 'late_fees' or component = 'PRINCIPAL')""")
                .params(params)
                .query(rs -> {
                    FeeTerm term = terms.get(key(rs.getString("invoice_id"), rs.getString("term_id")));
                    if (term == null) {
                        return;
                    }
                    BigDecimal amount = rs.getBigDecimal("amount");
                    if (rs.getString("kind").equals("late_fees")) {
                        term.recorded = term.recorded.add(amount);
                        LocalDate through = rs.getObject("accrued_through", LocalDate.class);
                        if (through != null && (term.recordedThrough == null || through.isAfter(term.recordedThrough))) {
                            term.recordedThrough = through;
                        }
                    } else {
                        // what was credited, paid, written off or rescheduled left the principal; a reversal's negative payment reopened it
                        term.principalChanges.merge(rs.getObject("occurred_on", LocalDate.class), amount.negate(), BigDecimal::add);
                    }
                });
        return terms;
    }

    /** The legal cap's changes recorded by then, a later one for the same day in its place. */
    private LegalLateFeeCaps legalCaps() {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        jdbc.sql("select effective_from, annual_percent from statement_legal_cap where recorded_at <= :knownAt order by sequence_number")
                .params(params)
                .query(rs -> {
                    rates.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("annual_percent"));
                });
        return LegalLateFeeCapsRecorded.of(rates);
    }

    private static String key(String invoiceId, String termId) {
        return invoiceId + "\u0000" + termId;
    }
}
