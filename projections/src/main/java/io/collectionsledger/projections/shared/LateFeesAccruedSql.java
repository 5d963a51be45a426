package io.collectionsledger.projections.shared;

/**
 * The late fees accrued on each open overdue term after the last day recorded for it (through
 * {@code accrued_through}, or the due date) up to :asOf, as known at :knownAt, as
 * {@link io.collectionsledger.contracts.time.AccruingLateFees} has them: what is owed through :asOf less
 * what was recorded (never below nothing). What is owed is one exact sum from the first day past due,
 * day by day: the fees so far grow by that day's open principal times the contract's daily rate, but
 * never past the contract's cap (a share of the term's principal) nor the legal line (each overdue day's
 * open principal at the annual rate in force that day over 365, summed); rounded once, half up, to the
 * currency's decimals. None on a term whose invoice was written off: the write-off fixed its fees.
 * <p>
 * Never a row per day: the open principal on a day counts every principal movement dated that day or
 * before (the issuing one from the first day past due), so a sum over days is a sum over the term's few
 * movements, each counted on the days from its date. Every amount is carried times 36,500 (percent times
 * days a year) so that nothing rounds before the end. The day-by-day rule has a closed form: with A(d)
 * the daily fees summed through d and L(d) the legal line, the fees owed through :asOf are the lower of
 * the contract's cap and A(:asOf) + min(0, L(c) - A(c) over the days c up to :asOf). L - A is a line
 * between two changes of the principal or the legal rate, so only the days before a change (and :asOf)
 * are tried.
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
                       coalesce(f.recorded, 0) as recorded
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
                select m.customer_id, m.invoice_id, m.term_id, m.from_day - 1 from fee_move m join fee_term b using (customer_id, invoice_id, term_id)
                where m.from_day - 1 > b.due_date and m.from_day <= :asOf
                union
                select b.customer_id, b.invoice_id, b.term_id, l.from_day - 1 from fee_term b cross join legal_cap l
                where l.from_day - 1 > b.due_date and l.from_day <= :asOf
            ), fee_by_day as materialized (
                -- a row per term and day tried, each over all the term's movements: L(c) - A(c) for the day, and what does not
                -- depend on it (the contract's cap, A(:asOf)) summed here too and taken once per term below, so that no join of two
                -- aggregates (estimated at a row each, planned as a nested loop) is needed
                select b.customer_id, b.invoice_id, b.term_id, b.currency, b.due_date, b.decimals, b.recorded,
                       sum(m.amount) filter (where m.issuing) * b.cap_percent_of_principal * 365 as contract_cap,
                       sum(m.amount * greatest(cast(:asOf as date) - m.from_day + 1, 0)) * b.daily_rate_percent * 365 as daily_fees,
                       sum(m.amount * (select sum(l.annual_percent * greatest(least(d.day, l.through_day) - greatest(m.from_day, l.from_day) + 1, 0))
                                       from legal_cap l))
                           - sum(m.amount * greatest(d.day - m.from_day + 1, 0)) * b.daily_rate_percent * 365 as legal_less_fees
                from fee_day d join fee_term b using (customer_id, invoice_id, term_id) join fee_move m using (customer_id, invoice_id, term_id)
                group by b.customer_id, b.invoice_id, b.term_id, b.currency, b.due_date, b.decimals, b.recorded,
                         b.cap_percent_of_principal, b.daily_rate_percent, d.day
            ), fee as materialized (
                -- min() passes over a null: with no legal cap recorded L is null, and the cap of the contract alone holds
                select customer_id, invoice_id, term_id, currency, due_date,
                       greatest(round(least(min(contract_cap), min(daily_fees) + least(0, min(legal_less_fees))) / 36500, decimals) - recorded, 0)
                           as amount
                from fee_by_day
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
