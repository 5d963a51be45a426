package io.collectionsledger.projections.shared;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.AccruingLateFees;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The late fees accrued on a customer's open overdue terms after the last day recorded for each, up to
 * a report's date, as known at its time: the ledger records fees only when it must fix an amount (a
 * payment, a letter, a write-off, a month's end, a cap reached), while a report as of any day owes the
 * fees of every day to then. One customer's terms are few, so each is computed in Java by the
 * calculation the account uses ({@link AccruingLateFees}), from the term's principal movements by
 * business date, the contract's late-fee terms, the fees recorded and through which day, and the legal
 * cap's schedule as recorded by then. Each read model reads these from its own tables ({@link Tables});
 * the rules are here once.
 */
public final class AccruedLateFees {

    /**
     * Where a read model keeps what the fees rest on: three queries over its own tables, each taking the
     * named parameters {@code :customer}, {@code :asOf} and {@code :knownAt}.
     *
     * @param feeTerms  the customer's invoices issued by then under a contract with late-fee terms, not
     *                  written off by then: {@code invoice_id, daily_rate_percent, cap_percent_of_principal}
     * @param movements what happened to the terms' principal and recorded fees by then, as known then:
     *                  {@code invoice_id, term_id, occurred_on}, {@code principal_change} (signed, what
     *                  reopened it positive; null on a row that did not move principal), {@code fees_recorded}
     *                  (accrued positive, taken back by a correction negative, all of it whether paid or not;
     *                  null on a row that recorded no fees) and {@code accrued_through} (the last day accrued
     *                  fees cover; null otherwise)
     * @param legalCaps the legal cap's changes recorded by then, in the order they were recorded:
     *                  {@code effective_from, annual_percent}
     */
    public record Tables(String feeTerms, String movements, String legalCaps) {
    }

    private final JdbcClient jdbc;
    private final Tables tables;
    private final Map<String, Object> params;
    private final LocalDate asOf;
    /** Read on the first term asked about. */
    private Map<String, LateFeeTerms> feeTermsByInvoice;
    private Map<String, FeeTerm> feeTerms;
    private LegalLateFeeCaps legalCaps;

    public AccruedLateFees(JdbcClient jdbc, Tables tables, String customerId, LocalDate asOf, Instant knownAt) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.params = Map.of("customer", customerId, "asOf", asOf, "knownAt", Timestamp.from(knownAt));
        this.asOf = asOf;
    }

    /** What a term's fees rest on besides its contract's terms, as of the report's date and time. */
    private static final class FeeTerm {
        final Map<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
        BigDecimal recorded = BigDecimal.ZERO;
        LocalDate recordedThrough;
    }

    /**
     * The fees accrued on one term since its last recorded day; zero on a term with nothing open, not yet
     * overdue, bearing no fees or written off.
     *
     * @param principal what the term asked for
     * @param open      what is open on it by then
     */
    public Money accrued(String invoiceId, String termId, LocalDate dueDate, Money principal, Money open) {
        if (feeTermsByInvoice == null) {
            read();
        }
        LateFeeTerms terms = feeTermsByInvoice.get(invoiceId);
        if (terms == null || open.signum() == 0 || !dueDate.isBefore(asOf)) {
            return Money.zero(principal.currency());
        }
        if (legalCaps == null) {
            legalCaps = legalCaps();
        }
        FeeTerm term = feeTerms.getOrDefault(key(invoiceId, termId), new FeeTerm());
        Map<LocalDate, Money> changes = new TreeMap<>();
        term.principalChanges.forEach((day, change) -> changes.put(day, new Money(change, principal.currency())));
        return new AccruingLateFees(dueDate, principal, changes, terms, legalCaps)
                .after(new Money(term.recorded, principal.currency()), term.recordedThrough, asOf).amount();
    }

    /** The customer's invoices bearing fees, and the movements of their terms' principal and fees recorded. */
    private void read() {
        feeTermsByInvoice = new HashMap<>();
        feeTerms = new HashMap<>();
        jdbc.sql(tables.feeTerms()).params(params).query(rs -> {
            feeTermsByInvoice.put(rs.getString("invoice_id"),
                    new LateFeeTerms(rs.getBigDecimal("daily_rate_percent"), rs.getBigDecimal("cap_percent_of_principal"), false));
        });
        if (feeTermsByInvoice.isEmpty()) {
            return;
        }
        jdbc.sql(tables.movements()).params(params).query(rs -> {
            if (!feeTermsByInvoice.containsKey(rs.getString("invoice_id"))) {
                return;
            }
            FeeTerm term = feeTerms.computeIfAbsent(key(rs.getString("invoice_id"), rs.getString("term_id")), k -> new FeeTerm());
            BigDecimal principalChange = rs.getBigDecimal("principal_change");
            if (principalChange != null) {
                term.principalChanges.merge(rs.getObject("occurred_on", LocalDate.class), principalChange, BigDecimal::add);
            }
            BigDecimal feesRecorded = rs.getBigDecimal("fees_recorded");
            if (feesRecorded != null) {
                term.recorded = term.recorded.add(feesRecorded);
            }
            LocalDate through = rs.getObject("accrued_through", LocalDate.class);
            if (through != null && (term.recordedThrough == null || through.isAfter(term.recordedThrough))) {
                term.recordedThrough = through;
            }
        });
    }

    /** The legal cap's changes recorded by then, a later one for the same day in its place. */
    private LegalLateFeeCaps legalCaps() {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        jdbc.sql(tables.legalCaps()).params(params).query(rs -> {
            rates.put(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("annual_percent"));
        });
        return LegalLateFeeCapsRecorded.of(rates);
    }

    private static String key(String invoiceId, String termId) {
        return invoiceId + "\u0000" + termId;
    }
}
