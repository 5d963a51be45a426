package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.aging.AgingTermLine;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.shared.LateFeesAccruedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The report from the facts that qualify: happened by {@code asOf}, recorded by {@code knownAt}.
 * A term counts once it was issued; its age is days past its due date (the due date itself is
 * still current). Disputed amounts leave the buckets of their invoice's latest-due terms first
 * and stand in their own column, so the buckets plus the disputed column make the total.
 *
 * <p>What is open as of then is what is open now ({@code aging_term}, {@code aging_open_dispute},
 * {@code aging_open_credit}) for every term untouched since, and what is open now minus the
 * movements since for the terms touched since. When nothing happened or was recorded after the
 * report's date and time (today, as known now), the report reads what is open now through its
 * indexes alone; the portfolio is then a page of customers plus totals summed by due date.
 */
final class AgingCalculation {

    /** Open terms, disputes and credit as of :asOf, as known at :knownAt; %1$s, %2$s narrow to one customer. */
    private static final String AS_OF = """
            open_term as materialized (
                select customer_id, invoice_id, term_id, currency, due_date, open from aging_term
                where open <> 0 and due_date is not null and last_on <= :asOf and last_at <= :knownAt %1$s
                union all
                select t.customer_id, t.invoice_id, t.term_id, t.currency, t.due_date, t.open - since.amount
                from aging_term t cross join lateral (
                    select coalesce(sum(m.amount), 0) as amount from aging_movement m
                    where (m.customer_id, m.invoice_id, m.term_id, m.currency) = (t.customer_id, t.invoice_id, t.term_id, t.currency)
                      and (m.occurred_on > :asOf or m.recorded_at > :knownAt)) since
                where (t.last_on > :asOf or t.last_at > :knownAt) and t.issued_on <= :asOf and t.issued_at <= :knownAt
                  and t.open <> since.amount %2$s
            ), %4$s, dispute as materialized (
                select customer_id, invoice_id, sum(amount) as amount
                from (select customer_id, invoice_id, amount from aging_open_dispute where true %1$s
                      union all
                      select customer_id, invoice_id, -amount from aging_dispute
                      where (occurred_on > :asOf or recorded_at > :knownAt) %1$s) d
                group by customer_id, invoice_id having sum(amount) > 0
            ), credit as materialized (
                select customer_id, currency, sum(amount) as amount
                from (select customer_id, currency, amount from aging_open_credit where true %1$s
                      union all
                      select customer_id, currency, -amount from aging_credit
                      where (occurred_on > :asOf or recorded_at > :knownAt) %1$s) c
                group by customer_id, currency having sum(amount) <> 0
            ), disputed_term as materialized (
                select t.customer_id, t.invoice_id, t.term_id, t.currency, t.due_date, t.open, %3$s
                from dispute d join (select o.customer_id, o.invoice_id, o.term_id, o.currency, o.due_date, o.open + coalesce(f.amount, 0) as open
                                     from open_term o left join fee f using (customer_id, invoice_id, term_id, currency)) t using (customer_id, invoice_id)
                window earlier as (partition by t.customer_id, t.invoice_id order by t.due_date desc, t.term_id collate "C"
                                   rows between unbounded preceding and 1 preceding)
            ), page as materialized (
                select customer_id from (select customer_id from open_term union select customer_id from credit) c
                where customer_id > :after order by customer_id limit cast(:limit as int)
            )""";

    /** The same when nothing is after :asOf and :knownAt: what is open now, walked by index. */
    private static final String NOW = """
            open_term as not materialized (
                select customer_id, invoice_id, term_id, currency, due_date, open from aging_term where open <> 0 and due_date is not null
            ), %4$s, dispute as not materialized (
                select customer_id, invoice_id, amount from aging_open_dispute where amount > 0
            ), credit as not materialized (
                select customer_id, currency, amount from aging_open_credit
            ), disputed_open as materialized (
                -- offset 0 keeps the lateral a lookup per disputed invoice rather than a join over every open term
                select t.* from dispute d cross join lateral (select * from open_term t
                                                              where t.customer_id = d.customer_id and t.invoice_id = d.invoice_id offset 0) t
            ), disputed_term as materialized (
                select t.customer_id, t.invoice_id, t.term_id, t.currency, t.due_date, t.open, %3$s
                from dispute d join (select o.customer_id, o.invoice_id, o.term_id, o.currency, o.due_date, o.open + coalesce(f.amount, 0) as open
                                     from disputed_open o left join fee f using (customer_id, invoice_id, term_id, currency)) t using (customer_id, invoice_id)
                window earlier as (partition by t.customer_id, t.invoice_id order by t.due_date desc, t.term_id collate "C"
                                   rows between unbounded preceding and 1 preceding)
            ), page as materialized (
                select customer_id from (
                    (select distinct customer_id from open_term where customer_id > :after order by customer_id limit cast(:limit as int))
                    union
                    (select customer_id from credit where customer_id > :after order by customer_id limit cast(:limit as int))) c
                order by customer_id limit cast(:limit as int)
            )""";

    /** The late fees accrued since each term's last recorded day, over {@code open_term} (see {@link LateFeesAccruedSql}). */
    private static final String FEES = LateFeesAccruedSql.fees("aging", "open_term");

    /** The part of a term's open amount its invoice's dispute takes, latest-due terms first. */
    private static final String DISPUTED_PART =
            "least(greatest(t.open, 0), greatest(d.amount - coalesce(sum(greatest(t.open, 0)) over earlier, 0), 0)) as disputed";

    /**
     * Rows of the page's customers (bucket null: unapplied credit), then the totals (customer null).
     * %1$s: which customers (see {@link #onPage}).
     */
    private static final String ROWS = """
            , bucketed as not materialized (
                select customer_id, currency, width_bucket(:asOf - due_date, cast(:thresholds as int[])) as bucket,
                       open as undisputed, 0 as disputed from open_term
                union all
                select customer_id, currency, width_bucket(:asOf - due_date, cast(:thresholds as int[])), -disputed, disputed from disputed_term
                union all
                select customer_id, currency, width_bucket(:asOf - due_date, cast(:thresholds as int[])), amount, 0 from fee
            )
            select customer_id, currency, bucket, sum(undisputed) as undisputed, sum(disputed) as disputed, null::numeric as credit
            from bucketed where %1$s group by customer_id, currency, bucket
            union all
            select customer_id, currency, null, null, null, amount from credit where %1$s
            union all
            select null, currency, width_bucket(:asOf - due_date, cast(:thresholds as int[])), sum(open), 0, null
            from (select currency, due_date, sum(open) as open from open_term group by currency, due_date
                  union all
                  select currency, due_date, sum(amount) from fee group by currency, due_date) by_due
            group by 2, 3
            union all
            select null, currency, width_bucket(:asOf - due_date, cast(:thresholds as int[])), -sum(disputed), sum(disputed), null
            from disputed_term group by 2, 3
            union all
            select null, currency, null, null, null, sum(amount) from credit group by currency
            order by 1 nulls first, 2
            """;

    private static final String LINES = """
            select t.invoice_id, t.term_id, t.currency, t.due_date, t.open + coalesce(f.amount, 0) as open, coalesce(d.disputed, 0) as disputed,
                   width_bucket(:asOf - t.due_date, cast(:thresholds as int[])) as bucket
            from open_term t left join disputed_term d using (customer_id, invoice_id, term_id, currency)
            left join fee f using (customer_id, invoice_id, term_id, currency)
            -- fees paid by money dated before the day they were fixed on (a payment of another invoice keyed in first fixed them
            -- for a later day) leave the term's movements below nothing as of a day between, and the fees accrued make it nothing
            where t.open + coalesce(f.amount, 0) <> 0
            order by t.due_date, t.invoice_id collate "C", t.term_id collate "C"
            """;

    private static final String ANYTHING_AFTER = """
            select exists (select from aging_term where last_on > :asOf or last_at > :knownAt)
                or exists (select from aging_dispute where occurred_on > :asOf or recorded_at > :knownAt)
                or exists (select from aging_credit where occurred_on > :asOf or recorded_at > :knownAt)""";

    private final JdbcClient jdbc;
    private final AgingReportQuery query;
    private final List<String> labels;
    private final Map<String, Object> params = new HashMap<>();

    AgingCalculation(JdbcClient jdbc, AgingReportQuery query) {
        this.jdbc = jdbc;
        this.query = query;
        this.labels = labels(query.bucketUpperBounds());
        params.put("asOf", query.asOf());
        params.put("knownAt", Timestamp.from(query.knownAt()));
        params.put("thresholds", thresholds(query.bucketUpperBounds()));
        params.put("customer", query.customerId());
        boolean portfolio = query.customerId() == null;
        params.put("after", portfolio && query.after() != null ? query.after() : "");
        // one customer more than asked for tells whether another page follows
        params.put("limit", portfolio && query.limit() != null ? query.limit() + 1 : null);
    }

    AgingReport report() {
        if (query.customerId() != null) {
            String sources = AS_OF.formatted(" and customer_id = :customer", " and t.customer_id = :customer", DISPUTED_PART, FEES);
            return assemble(rows(sources, "true"), lines(sources));
        }
        // Facts are only ever added, so none after the report's date and time on the second look means none on the first either.
        if (!anythingAfter()) {
            List<Row> rows = rows(NOW.formatted("", "", DISPUTED_PART, FEES), onPage("customer_id = any(array(select customer_id from page))"));
            if (!anythingAfter()) {
                return assemble(rows, List.of());
            }
        }
        return assemble(rows(withDatesWritten(AS_OF.formatted("", "", DISPUTED_PART, FEES)), onPage("customer_id in (select customer_id from page)")),
                List.of());
    }

    /**
     * The date and time written into the statement rather than bound: once the driver prepares a
     * statement run often, PostgreSQL may settle on one plan for every date, and the one it picks
     * scans every term where the date at hand reads a few through an index (seen: 1.1 s becoming
     * 2.1 s at 1,000,000 invoices). Both are typed values printed in ISO form, never text from outside.
     */
    private String withDatesWritten(String sources) {
        return sources.replace(":asOf", "date '" + query.asOf() + "'").replace(":knownAt", "timestamptz '" + query.knownAt() + "'");
    }

    /**
     * Which customers' rows: all without a limit; else the page's, looked up by index in what is open
     * now (an array of ids) or joined by hash with what was open then (an array would be searched
     * row by row for each of its hundreds of thousands of terms).
     */
    private String onPage(String pageFilter) {
        return params.get("limit") == null ? "true" : pageFilter;
    }

    /** One row of the statement: a customer's (or, customer null, the portfolio's) amounts in one bucket, or its credit (bucket null). */
    private record Row(String customerId, String currency, Integer bucket, BigDecimal undisputed, BigDecimal disputed, BigDecimal credit) {
    }

    private boolean anythingAfter() {
        return jdbc.sql(ANYTHING_AFTER).params(params).query(Boolean.class).single();
    }

    private List<Row> rows(String sources, String onPage) {
        return jdbc.sql("with " + sources + ROWS.formatted(onPage)).params(params)
                .query((rs, n) -> new Row(rs.getString("customer_id"), rs.getString("currency"), (Integer) rs.getObject("bucket"),
                        rs.getBigDecimal("undisputed"), rs.getBigDecimal("disputed"), rs.getBigDecimal("credit")))
                .list();
    }

    private List<AgingTermLine> lines(String sources) {
        return jdbc.sql("with " + sources + LINES).params(params)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    String currency = rs.getString("currency");
                    return new AgingTermLine(query.customerId(), rs.getString("invoice_id"), rs.getString("term_id"), due,
                            ChronoUnit.DAYS.between(due, query.asOf()), labels.get(rs.getInt("bucket")),
                            new Money(rs.getBigDecimal("open"), currency), new Money(rs.getBigDecimal("disputed"), currency));
                })
                .list();
    }

    private AgingReport assemble(List<Row> rows, List<AgingTermLine> lines) {
        Map<String, Accumulator> customers = new LinkedHashMap<>();
        Map<String, Accumulator> totals = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<String, Accumulator> into = row.customerId() == null ? totals : customers;
            Accumulator accumulator = into.computeIfAbsent(row.customerId() + "\u0000" + row.currency(),
                    k -> new Accumulator(row.customerId(), row.currency(), labels.size()));
            if (row.bucket() == null) {
                accumulator.credit = accumulator.credit.add(row.credit());
            } else {
                accumulator.add(row.bucket(), row.undisputed(), row.disputed());
            }
        }
        List<AgingRow> page = customers.values().stream().map(Accumulator::row).toList();
        String nextAfter = null;
        List<String> ids = page.stream().map(AgingRow::customerId).distinct().toList();
        if (query.customerId() == null && query.limit() != null && ids.size() > query.limit()) {
            nextAfter = ids.get(query.limit() - 1);
            String last = ids.get(ids.size() - 1);
            page = page.stream().filter(row -> !row.customerId().equals(last)).toList();
        }
        return new AgingReport(query.asOf(), query.knownAt(), labels, page,
                totals.values().stream().map(Accumulator::row).toList(), lines, nextAfter);
    }

    /** width_bucket's lower bounds: 1 day past due starts the first bucket after "current", each bound + 1 the next. */
    private static String thresholds(List<Integer> bounds) {
        StringBuilder array = new StringBuilder("{1");
        bounds.forEach(bound -> array.append(',').append(bound + 1));
        return array.append('}').toString();
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
            Arrays.fill(buckets, BigDecimal.ZERO);
        }

        void add(int bucket, BigDecimal undisputed, BigDecimal disputedPart) {
            buckets[bucket] = buckets[bucket].add(undisputed);
            disputed = disputed.add(disputedPart);
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
