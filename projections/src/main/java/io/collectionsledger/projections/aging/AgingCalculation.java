package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.aging.AgingTermLine;
import io.collectionsledger.contracts.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;


/**
 * The report from the facts that qualify: happened by {@code asOf}, recorded by {@code knownAt}.
 * A term counts once it was issued; its age is days past its due date (the due date itself is
 * still current). Disputed amounts leave the buckets of their invoice's latest-due terms first
 * and stand in their own column, so the buckets plus the disputed column make the total.
 */
final class AgingCalculation {

    private final JdbcClient jdbc;
    private final AgingReportQuery query;
    private final List<String> labels;

    AgingCalculation(JdbcClient jdbc, AgingReportQuery query) {
        this.jdbc = jdbc;
        this.query = query;
        this.labels = labels(query.bucketUpperBounds());
    }

    record OpenTerm(String customerId, String invoiceId, String termId, String currency, LocalDate dueDate, BigDecimal open) {
    }

    AgingReport report() {
        String customerFilter = query.customerId() == null ? " " : " and customer_id = :customer ";
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", query.asOf());
        params.put("knownAt", Timestamp.from(query.knownAt()));
        if (query.customerId() != null) {
            params.put("customer", query.customerId());
        }
        List<OpenTerm> terms = jdbc.sql("""
                        select customer_id, invoice_id, term_id, currency, max(due_date) as due_date, sum(amount) as open
                        from aging_movement
                        where occurred_on <= :asOf and recorded_at <= :knownAt""" + customerFilter + """
                         group by customer_id, invoice_id, term_id, currency
                        having sum(amount) <> 0 and max(due_date) is not null""")
                .params(params)
                .query((rs, n) -> new OpenTerm(rs.getString("customer_id"), rs.getString("invoice_id"), rs.getString("term_id"),
                        rs.getString("currency"), rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("open")))
                .list();
        Map<String, BigDecimal> disputedByInvoice = new HashMap<>();
        jdbc.sql("""
                        select customer_id, invoice_id, sum(amount) as disputed from aging_dispute
                        where occurred_on <= :asOf and recorded_at <= :knownAt""" + customerFilter + """
                         group by customer_id, invoice_id having sum(amount) > 0""")
                .params(params)
                .query(rs -> {
                    disputedByInvoice.put(rs.getString("customer_id") + "\u0000" + rs.getString("invoice_id"), rs.getBigDecimal("disputed"));
                });
        Map<String, BigDecimal> creditByCustomerCurrency = new TreeMap<>();
        jdbc.sql("""
                        select customer_id, currency, sum(amount) as credit from aging_credit
                        where occurred_on <= :asOf and recorded_at <= :knownAt""" + customerFilter + """
                         group by customer_id, currency having sum(amount) <> 0""")
                .params(params)
                .query(rs -> {
                    creditByCustomerCurrency.put(rs.getString("customer_id") + "\u0000" + rs.getString("currency"), rs.getBigDecimal("credit"));
                });

        Map<String, Accumulator> rows = new TreeMap<>();
        List<AgingTermLine> lines = new ArrayList<>();
        Map<String, List<OpenTerm>> byInvoice = terms.stream()
                .collect(Collectors.groupingBy(t -> t.customerId() + "\u0000" + t.invoiceId(), TreeMap::new, Collectors.toList()));
        byInvoice.forEach((invoiceKey, invoiceTerms) -> {
            BigDecimal disputeLeft = disputedByInvoice.getOrDefault(invoiceKey, BigDecimal.ZERO);
            invoiceTerms.sort(Comparator.comparing(OpenTerm::dueDate).reversed().thenComparing(OpenTerm::termId));
            for (OpenTerm term : invoiceTerms) {
                BigDecimal disputed = disputeLeft.min(term.open().max(BigDecimal.ZERO));
                disputeLeft = disputeLeft.subtract(disputed);
                long daysPastDue = ChronoUnit.DAYS.between(term.dueDate(), query.asOf());
                int bucket = bucketOf(daysPastDue);
                rows.computeIfAbsent(term.customerId() + "\u0000" + term.currency(), k -> new Accumulator(term.customerId(), term.currency(), labels.size()))
                        .add(bucket, term.open().subtract(disputed), disputed);
                if (query.customerId() != null) {
                    lines.add(new AgingTermLine(term.customerId(), term.invoiceId(), term.termId(), term.dueDate(), daysPastDue,
                            labels.get(bucket), new Money(term.open(), term.currency()), new Money(disputed, term.currency())));
                }
            }
        });
        creditByCustomerCurrency.forEach((key, credit) -> {
            String[] parts = key.split("\u0000");
            rows.computeIfAbsent(key, k -> new Accumulator(parts[0], parts[1], labels.size())).credit = credit;
        });

        List<AgingRow> customers = rows.values().stream().map(Accumulator::row).toList();
        Map<String, Accumulator> totals = new TreeMap<>();
        for (Accumulator row : rows.values()) {
            totals.computeIfAbsent(row.currency, c -> new Accumulator(null, c, labels.size())).addAll(row);
        }
        lines.sort(Comparator.comparing(AgingTermLine::dueDate).thenComparing(AgingTermLine::invoiceId).thenComparing(AgingTermLine::termId));
        return new AgingReport(query.asOf(), query.knownAt(), labels, customers, totals.values().stream().map(Accumulator::row).toList(), lines);
    }

    private int bucketOf(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        List<Integer> bounds = query.bucketUpperBounds();
        for (int i = 0; i < bounds.size(); i++) {
            if (daysPastDue <= bounds.get(i)) {
                return i + 1;
            }
        }
        return bounds.size() + 1;
    }

    static List<String> labels(List<Integer> bounds) {
        List<String> labels = new ArrayList<>();
        labels.add("current");
        int from = 1;
        for (int bound : bounds) {
            labels.add(from + "-" + bound);
            from = bound + 1;
        }
        labels.add("over " + bounds.get(bounds.size() - 1));
        return labels;
    }

    private static final class Accumulator {
        final String customerId;
        final String currency;
        final BigDecimal[] buckets;
        BigDecimal disputed = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;

        Accumulator(String customerId, String currency, int size) {
            this.customerId = customerId;
            this.currency = currency;
            this.buckets = new BigDecimal[size];
            java.util.Arrays.fill(buckets, BigDecimal.ZERO);
        }

        void add(int bucket, BigDecimal undisputed, BigDecimal disputedPart) {
            buckets[bucket] = buckets[bucket].add(undisputed);
            disputed = disputed.add(disputedPart);
        }

        void addAll(Accumulator other) {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = buckets[i].add(other.buckets[i]);
            }
            disputed = disputed.add(other.disputed);
            credit = credit.add(other.credit);
        }

        AgingRow row() {
            BigDecimal total = disputed;
            List<Money> amounts = new ArrayList<>();
            for (BigDecimal bucket : buckets) {
                total = total.add(bucket);
                amounts.add(new Money(bucket, currency));
            }
            return new AgingRow(customerId, currency, amounts, new Money(disputed, currency), new Money(total, currency), new Money(credit, currency));
        }
    }
}
