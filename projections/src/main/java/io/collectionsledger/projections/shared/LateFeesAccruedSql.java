package io.collectionsledger.projections.shared;

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
 * <p>
 * Shared by the read models that answer for the whole portfolio (aging, worklist), each over its own
 * tables of one shape, named by its prefix: {@code _legal_cap}, {@code _invoice_contract} (with the
 * currency's {@code decimals}), {@code _late_fee_terms}, {@code _fee} (+ accrued with
 * {@code accrued_through}, - taken back), {@code _write_off}, and {@code _movement} (component
 * {@code PRINCIPAL} on what moved principal, the issuing row with its {@code due_date}). A report for
 * one customer computes the same per term in Java ({@link CustomerLateFees}).
 */
public final class LateFeesAccruedSql {

    private static final String FEES = """
            legal_cap as materialized (
                select annual_percent,
                       case when row_number() over (order by effective_from) = 1 then date '-infinity' else effective_from end as from_day,
                       coalesce(lead(effective_from) over (order by effective_from) - 1, date 'infinity') as through_day
                from (select distinct on (effective_from) effective_from, annual_percent from %1$s_legal_cap
                      where recorded_at <= :knownAt order by effective_from, sequence_number desc) c
            ), fee_term as materialized (
                select t.customer_id, t.invoice_id, t.term_id, t.currency, t.due_date, i.decimals, c.daily_rate_percent, c.cap_percent_of_principal,
                       coalesce(f.recorded, 0) as recorded, greatest(coalesce(f.through, t.due_date), t.due_date) as through
                from %2$s t
                join %1$s_invoice_contract i on (i.customer_id, i.invoice_id) = (t.customer_id, t.invoice_id)
                join %1$s_late_fee_terms c on (c.customer_id, c.contract_id) = (i.customer_id, i.contract_id)
                cross join lateral (select sum(f.amount) as recorded, max(f.accrued_through) as through from %1$s_fee f
                                    where (f.customer_id, f.invoice_id, f.term_id) = (t.customer_id, t.invoice_id, t.term_id)
                                      and f.occurred_on <= :asOf and f.recorded_at <= :knownAt) f
                where t.due_date < :asOf and coalesce(f.through, t.due_date) < :asOf
                  and not exists (select from %1$s_write_off w where (w.customer_id, w.invoice_id) = (t.customer_id, t.invoice_id)
                                                                  and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)
            ), fee_move as materialized (
                select b.customer_id, b.invoice_id, b.term_id, m.amount, m.due_date is not null as issuing,
                       case when m.due_date is not null then b.due_date + 1 else greatest(m.occurred_on, b.due_date + 1) end as from_day
                from fee_term b join %1$s_movement m on (m.customer_id, m.invoice_id, m.term_id) = (b.customer_id, b.invoice_id, b.term_id)
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

    private LateFeesAccruedSql() {
    }

    /**
     * The common table expressions, to follow others after a comma, ending in {@code fee (customer_id,
     * invoice_id, term_id, currency, due_date, amount)}: the fees accrued on each term of {@code openTerms}.
     *
     * @param prefix    the read model's tables' prefix
     * @param openTerms a common table expression before these, of the terms open by then:
     *                  {@code customer_id, invoice_id, term_id, currency, due_date}
     */
    public static String fees(String prefix, String openTerms) {
        return FEES.formatted(prefix, openTerms);
    }
}
