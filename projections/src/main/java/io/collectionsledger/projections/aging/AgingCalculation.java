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

    /**
     * The late fees accrued on each open overdue term after the last day recorded for it (through
     * {@code accrued_through}, or the due date) up to :asOf, as known at :knownAt, as
     * {@link io.collectionsledger.contracts.time.AccruingLateFees} has them: day by day, the fees so far
     * grow by that day's open principal times the contract's daily rate, but never past the contract's cap
     * (a share of the term's principal) nor the legal line (each overdue day's open principal at the annual
     * rate in force that day over 365, summed exactly from the first day past due), and never fall below the
     * fees recorded; summed exactly and rounded once, half up, to the currency's decimals. None on a term
     * whose invoice was written off: the write-off fixed its fees.
     * <p>
     * Never a row per day: the open principal on a day counts every principal movement dated that day or
     * before (the issuing one from the first day past due), so a sum over days is a sum over the term's few
     * movements, each counted on the days from its date. Every amount is carried times 36,500 (percent times
     * days a year) so that nothing rounds before the end. The day-by-day rule has a closed form: the fees on
     * :asOf are the least of the contract's cap, the fees recorded plus every day's fee, and, for each day c
     * of the window, the higher of the legal line at c and the fees recorded, plus the fees of the days after
     * c. Between two days before the principal or the legal rate changes (or the last day recorded, or :asOf)
     * that is a line, or, on the span where the legal line passes the fees recorded, a line down to the last
     * day the legal line is at or below them and one from the day after; so only those days are tried, the
     * last day recorded giving where the first span starts.
     */
    private static final String FEES = """
            legal_cap as materialized (
                select annual_percent,
                       case when row_number() over (order by effective_from) = 1 then date '-infinity' else effective_from end as from_day,
                       coalesce(lead(effective_from) over (order by effective_from) - 1, date 'infinity') as through_day
                from (select distinct on (effective_from) effective_from, annual_percent from aging_legal_cap
                      where recorded_at <= :knownAt order by effective_from, sequence_number desc) c
            ), fee_term as materialized (
                select t.customer_id, t.invoice_id, t.term_id, t.currency, t.due_date, i.decimals, c.daily_rate_percent, c.cap_percent_of_principal,
                       coalesce(f.recorded, 0) as recorded, greatest(coalesce(f.through, t.due_date), t.due_date) as through
                from open_term t
                join aging_invoice_contract i on (i.customer_id, i.invoice_id) = (t.customer_id, t.invoice_id)
                join aging_late_fee_terms c on (c.customer_id, c.contract_id) = (i.customer_id, i.contract_id)
                cross join lateral (select sum(f.amount) as recorded, max(f.accrued_through) as through from aging_fee f
                                    where (f.customer_id, f.invoice_id, f.term_id) = (t.customer_id, t.invoice_id, t.term_id)
                                      and f.occurred_on <= :asOf and f.recorded_at <= :knownAt) f
                where t.due_date < :asOf and coalesce(f.through, t.due_date) < :asOf
                  and not exists (select from aging_write_off w where (w.customer_id, w.invoice_id) = (t.customer_id, t.invoice_id)
                                                                  and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)
            ), fee_move as materialized (
                select b.customer_id, b.invoice_id, b.term_id, m.amount, m.due_date is not null as issuing,
                       case when m.due_date is not null then b.due_date + 1 else greatest(m.occurred_on, b.due_date + 1) end as from_day
                from fee_term b join aging_movement m on (m.customer_id, m.invoice_id, m.term_id) = (b.customer_id, b.invoice_id, b.term_id)
                where m.component = 'PRINCIPAL' and m.occurred_on <= :asOf and m.recorded_at <= :knownAt
            ), fee_day as materialized (
                select customer_id, invoice_id, term_id, cast(:asOf as date) as day from fee_term
                union
                select customer_id, invoice_id, term_id, through from fee_term
                union
                select m.customer_id, m.invoice_id, m.term_id, m.from_day - 1 from fee_move m join fee_term b using (customer_id, invoice_id, term_id)
                where m.from_day - 1 > b.through
                union
                select b.customer_id, b.invoice_id, b.term_id, l.from_day - 1 from fee_term b cross join legal_cap l
                where l.from_day - 1 > b.through and l.from_day <= :asOf
            ), fee_by_day as materialized (
                -- a row per term and candidate day, each over all the term's movements; what does not depend on the day
                -- (the caps, the uncapped sum) is summed here too and taken once per term below, so that no join of two
                -- aggregates (estimated at a row each, planned as a nested loop) is needed. The legal line is through the day,
                -- the fees after it through :asOf, the daily amounts those of the span that ends on the day
                select b.customer_id, b.invoice_id, b.term_id, b.currency, b.due_date, b.decimals, b.recorded, d.day,
                       b.recorded * 36500 as fees_recorded,
                       sum(m.amount) filter (where m.issuing) * b.cap_percent_of_principal * 365 as contract_cap,
                       b.recorded * 36500 + sum(m.amount * greatest(cast(:asOf as date) - greatest(b.through + 1, m.from_day) + 1, 0))
                                            * b.daily_rate_percent * 365 as uncapped,
                       sum(m.amount * (select sum(l.annual_percent * greatest(least(d.day, l.through_day) - greatest(m.from_day, l.from_day) + 1, 0))
                                       from legal_cap l)) as legal,
                       sum(m.amount * greatest(cast(:asOf as date) - greatest(d.day + 1, m.from_day) + 1, 0)) * b.daily_rate_percent * 365 as after,
                       sum(m.amount) filter (where m.from_day <= d.day) * b.daily_rate_percent * 365 as daily_fee,
                       sum(m.amount) filter (where m.from_day <= d.day)
                           * (select l.annual_percent from legal_cap l where d.day between l.from_day and l.through_day) as daily_legal
                from fee_day d join fee_term b using (customer_id, invoice_id, term_id) join fee_move m using (customer_id, invoice_id, term_id)
                group by b.customer_id, b.invoice_id, b.term_id, b.currency, b.due_date, b.decimals, b.recorded, b.through,
                         b.cap_percent_of_principal, b.daily_rate_percent, d.day
            ), fee_span as not materialized (
                -- on a span where the legal line passes the fees recorded, rising faster than the fees, the least is on the last day
                -- the line is at or below them or on the day after (rising no faster, it is at the span's end, a day tried anyway)
                select *, case when prev_legal < fees_recorded and legal > fees_recorded and daily_legal > daily_fee
                               then prev_day + cast(div(fees_recorded - prev_legal, daily_legal) as int) end as held_through
                from (select *, lag(day) over term_days as prev_day, lag(legal) over term_days as prev_legal from fee_by_day
                      window term_days as (partition by customer_id, invoice_id, term_id order by day)) s
            ), fee as materialized (
                -- least() passes over a null: with no legal cap recorded the legal bounds are null, and the cap of the contract alone holds
                select customer_id, invoice_id, term_id, currency, due_date,
                       greatest(round(least(min(contract_cap), min(uncapped),
                                            min(legal + greatest(fees_recorded - legal, 0) + after),
                                            min(fees_recorded + (day - held_through) * daily_fee + after),
                                            min(prev_legal + (held_through + 1 - prev_day) * daily_legal + (day - held_through - 1) * daily_fee + after))
                                      / 36500, decimals) - recorded, 0) as amount
                from fee_span
                group by customer_id, invoice_id, term_id, currency, due_date, decimals, recorded
            )""";

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
