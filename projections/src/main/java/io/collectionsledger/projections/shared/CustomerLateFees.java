package io.collectionsledger.projections.shared;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The late fees accrued on one customer's open overdue terms after the last day recorded for each, up
 * to a report's date, as known at its time: the ledger records fees only when it must fix an amount (a
 * payment, a letter, a write-off, a month's end, a cap reached), while a report as of any day owes the
 * fees of every day to then. One customer's terms are few, so each is computed in Java by the
 * calculation the account uses ({@link AccruingLateFees}), from the term's principal movements by
 * business date, the contract's late-fee terms, the fees recorded and through which day, and the legal
 * cap's schedule as recorded by then. Each read model reads these from its own tables ({@link Source});
 * the portfolio-wide reports compute the same in SQL ({@link LateFeesAccruedSql}).
 */
public final class CustomerLateFees {

    /**
     * The read model's selects, each bound to {@code :customer}, {@code :asOf} and {@code :knownAt}.
     *
     * @param feeTerms     the customer's terms issued by then under a contract with late-fee terms, whose invoice was not written
     *                     off by then: {@code invoice_id, term_id, daily_rate_percent, cap_percent_of_principal}
     * @param feeMovements what happened to those terms by then: {@code invoice_id, term_id, fees} (true: late fees recorded, net of
     *                     corrections, with {@code accrued_through} on an accrual; false: a change of the open principal after its
     *                     issue), {@code amount} (signed: a payment of principal is negative), {@code occurred_on, accrued_through}
     * @param legalCaps    the legal cap's changes recorded by then, in the order recorded: {@code effective_from, annual_percent}
     */
    public record Source(String feeTerms, String feeMovements, String legalCaps) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Object> params;
    private final LocalDate asOf;
    private final Source source;
    /** Read on the first term asked about. */
    private Map<String, FeeTerm> feeTerms;
    private LegalLateFeeCaps legalCaps;

    public CustomerLateFees(JdbcClient jdbc, Map<String, Object> params, LocalDate asOf, Source source) {
        this.jdbc = jdbc;
        this.params = params;
        this.asOf = asOf;
        this.source = source;
    }

    /** What a term's fees rest on, as of the report's date and time. */
    private static final class FeeTerm {
        LateFeeTerms terms;
        final Map<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
        BigDecimal recorded = BigDecimal.ZERO;
        LocalDate recordedThrough;
    }

    /**
     * The fees accrued on one term since its last recorded day; zero on a term with nothing open, not yet
     * overdue or bearing no fees.
     *
     * @param principal what the term asked for
     * @param open      what is open on it by then, fees recorded included
     */
    public Money accrued(String invoiceId, String termId, LocalDate dueDate, Money principal, Money open) {
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

    private Map<String, FeeTerm> feeTerms() {
        Map<String, FeeTerm> terms = new HashMap<>();
        jdbc.sql(source.feeTerms()).params(params).query(rs -> {
            FeeTerm term = new FeeTerm();
            term.terms = new LateFeeTerms(rs.getBigDecimal("daily_rate_percent"), rs.getBigDecimal("cap_percent_of_principal"), false);
            terms.put(key(rs.getString("invoice_id"), rs.getString("term_id")), term);
        });
        if (terms.isEmpty()) {
            return terms;
        }
        jdbc.sql(source.feeMovements()).params(params).query(rs -> {
            FeeTerm term = terms.get(key(rs.getString("invoice_id"), rs.getString("term_id")));
            if (term == null) {
                return;
            }
            BigDecimal amount = rs.getBigDecimal("amount");
            if (rs.getBoolean("fees")) {
                term.recorded = term.recorded.add(amount);
                LocalDate through = rs.getObject("accrued_through", LocalDate.class);
                if (through != null && (term.recordedThrough == null || through.isAfter(term.recordedThrough))) {
                    term.recordedThrough = through;
                }
            } else {
                term.principalChanges.merge(rs.getObject("occurred_on", LocalDate.class), amount, BigDecimal::add);
            }
        });
        return terms;
    }

    /** The legal cap's changes recorded by then, a later one for the same day in its place. */
    private LegalLateFeeCaps legalCaps() {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        jdbc.sql(source.legalCaps()).params(params).query(rs -> {
            rates.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("annual_percent"));
        });
        return LegalLateFeeCapsRecorded.of(rates);
    }

    private static String key(String invoiceId, String termId) {
        return invoiceId + "\u0000" + termId;
    }
}
