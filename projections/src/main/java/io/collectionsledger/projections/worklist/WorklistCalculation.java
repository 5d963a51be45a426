package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.worklist.CollectionWorklist;
import io.collectionsledger.contracts.worklist.CollectionWorklistQuery;
import io.collectionsledger.contracts.worklist.NextAction;
import io.collectionsledger.contracts.worklist.PriorityScore;
import io.collectionsledger.contracts.worklist.WorklistEntry;
import io.collectionsledger.contracts.worklist.WorklistStage;
import io.collectionsledger.projections.shared.LateFeesAccruedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The worklist from the facts that qualify: happened by {@code asOf}, recorded by {@code knownAt}.
 * One set-based query gathers each customer's situation; each is then scored
 * ({@link WorklistPriority}) and advised ({@link NextActions}), and the list is sorted by score,
 * then by the oldest due date, then by customer id.
 *
 * <p>A customer is on the list when something is overdue, or when something falls due within
 * the {@value #GOLDEN_WINDOW_DAYS} days before due where reminders work best (domain.md §2).
 * A term's limitation period runs 3 years from its due date, or from the latest fact after it
 * that restarted it (Civil Code art. 188, 195). A disputed amount is still open and still ages,
 * but it is not dunned: a customer whose whole overdue amount is disputed gets the dispute settled
 * first.
 *
 * <p>What is open and overdue owes the late fees accrued to {@code asOf} on each open overdue term since
 * its last recorded day (the ledger records them only when it must fix an amount), computed in the query
 * as the aging report does ({@link LateFeesAccruedSql}): they are owed, so they count in the amounts
 * listed, in the amount that scores priority, and in what a dispute leaves overdue. None accrue on an
 * invoice after its write-off.
 */
final class WorklistCalculation {

    static final int GOLDEN_WINDOW_DAYS = 15;

    private static final String SITUATIONS = """
            with term as (
                select customer_id, invoice_id, term_id, currency, max(due_date) as due_date, sum(amount) as open
                from worklist_movement
                where occurred_on <= :asOf and recorded_at <= :knownAt
                group by customer_id, invoice_id, term_id, currency
                having sum(amount) > 0 and max(due_date) is not null
            ), %s,
            owed as (  -- what is open on each term, and the fees accrued on it since the last recorded day
                select customer_id, invoice_id, currency, due_date, open from term
                union all
                select customer_id, invoice_id, currency, due_date, amount from fee
            ),
            restart as (
                select * from worklist_restart
                where occurred_on <= :asOf and recorded_at <= :knownAt
                  and not coalesce(reversed_on <= :asOf and reversed_recorded_at <= :knownAt, false)
            ),
            limitation as (
                select distinct on (t.customer_id) t.customer_id, t.invoice_id || '/' || t.term_id as term_ref,
                       (coalesce(r.occurred_on, t.due_date) + interval '3 years')::date as limitation_date,
                       r.fact || ' on ' || r.occurred_on as restarted_by
                from term t
                left join lateral (
                    select occurred_on, fact from restart r
                    where r.customer_id = t.customer_id and (r.invoice_id = t.invoice_id or r.invoice_id is null)
                      and r.occurred_on > t.due_date
                    order by r.occurred_on desc, r.seq desc
                    limit 1) r on true
                where t.due_date < :asOf
                order by t.customer_id, limitation_date, t.due_date, term_ref
            ),
            dispute as (
                select customer_id, invoice_id, sum(amount) as disputed
                from worklist_dispute
                where occurred_on <= :asOf and recorded_at <= :knownAt
                group by customer_id, invoice_id
                having sum(amount) > 0
            ),
            invoice as (  -- a dispute takes the invoice's latest-due amounts first, as in the aging report
                select i.*, least(i.overdue, greatest(0, coalesce(x.disputed, 0) - i.not_due)) as disputed_overdue,
                       least(i.overdue + i.not_due, coalesce(x.disputed, 0)) as disputed
                from (select customer_id, invoice_id, currency,
                             coalesce(sum(open) filter (where due_date < :asOf), 0) as overdue,
                             coalesce(sum(open) filter (where due_date >= :asOf), 0) as not_due
                      from owed group by customer_id, invoice_id, currency) i
                left join dispute x on x.customer_id = i.customer_id and x.invoice_id = i.invoice_id
            ),
            amounts as (
                select customer_id, array_agg(currency order by currency) as currencies, array_agg(open order by currency) as open,
                       array_agg(overdue order by currency) as overdue, array_agg(disputed order by currency) as disputed,
                       bool_and(all_disputed) as overdue_all_disputed
                from (select customer_id, currency, sum(overdue + not_due) as open, sum(overdue) as overdue, sum(disputed) as disputed,
                             bool_and(overdue = disputed_overdue) as all_disputed
                      from invoice group by customer_id, currency) per_currency
                group by customer_id
            ),
            dates as (
                select customer_id, min(due_date) filter (where due_date < :asOf) as oldest_overdue,
                       min(due_date) filter (where due_date >= :asOf) as next_due
                from term group by customer_id
            ),
            collector as (
                select distinct on (customer_id) customer_id, collector, tier
                from worklist_collector
                where occurred_on <= :asOf and recorded_at <= :knownAt
                order by customer_id, occurred_on desc, seq desc
            ),
            promises as (
                select customer_id, count(*) filter (where outcome <> 'KEPT') as broken
                from (select distinct on (customer_id, promise_id) customer_id, outcome
                      from worklist_promise_outcome
                      where occurred_on <= :asOf and recorded_at <= :knownAt
                      order by customer_id, promise_id, occurred_on desc, seq desc) latest
                group by customer_id
            ),
            warnings as (
                select customer_id, array_agg(distinct signal order by signal) as signals
                from worklist_warning where occurred_on <= :asOf and recorded_at <= :knownAt
                group by customer_id
            ),
            holds as (
                select customer_id, sum(holds) as times
                from worklist_orders_held where occurred_on <= :asOf and recorded_at <= :knownAt
                group by customer_id
            ),
            letters as (
                select customer_id, max(delivered_on) as last_delivered
                from worklist_letter where delivered_on <= :asOf and delivered_recorded_at <= :knownAt
                group by customer_id
            ),
            cases as (
                select customer_id, array_agg(case_id order by filed_on, case_id) as open_cases
                from worklist_case
                where filed_on <= :asOf and filed_recorded_at <= :knownAt
                  and not coalesce(closed_on <= :asOf and closed_recorded_at <= :knownAt, false)
                group by customer_id
            )
            select d.customer_id, n.name, k.collector, k.tier, d.oldest_overdue, d.next_due,
                   a.currencies, a.open, a.overdue, a.disputed, a.overdue_all_disputed, l.limitation_date, l.term_ref as limitation_term, l.restarted_by,
                   coalesce(p.broken, 0) as broken_promises, w.signals, coalesce(h.times, 0) as orders_held,
                   lt.last_delivered, c.open_cases
            from dates d
            join amounts a on a.customer_id = d.customer_id
            left join worklist_customer n on n.customer_id = d.customer_id
            left join collector k on k.customer_id = d.customer_id
            left join limitation l on l.customer_id = d.customer_id
            left join promises p on p.customer_id = d.customer_id
            left join warnings w on w.customer_id = d.customer_id
            left join holds h on h.customer_id = d.customer_id
            left join letters lt on lt.customer_id = d.customer_id
            left join cases c on c.customer_id = d.customer_id
            where (cast(:collector as text) is null or k.collector = :collector)
              and (d.oldest_overdue is not null or d.next_due <= cast(:asOf as date) + :window)
            """.formatted(LateFeesAccruedSql.fees("worklist", "term"));

    private final JdbcClient jdbc;
    private final CollectionWorklistQuery query;

    WorklistCalculation(JdbcClient jdbc, CollectionWorklistQuery query) {
        this.jdbc = jdbc;
        this.query = query;
    }

    CollectionWorklist worklist() {
        List<WorklistEntry> unranked = jdbc.sql(SITUATIONS)
                .param("asOf", query.asOf())
                .param("knownAt", Timestamp.from(query.knownAt()))
                .param("collector", query.collector())
                .param("window", GOLDEN_WINDOW_DAYS)
                .query((rs, n) -> entry(rs))
                .list();
        List<WorklistEntry> ranked = unranked.stream()
                .sorted(Comparator.comparingInt((WorklistEntry e) -> -e.priority().total())
                        .thenComparing(e -> e.oldestOverdueDueDate() == null ? e.nextDueDate() : e.oldestOverdueDueDate())
                        .thenComparing(WorklistEntry::customerId))
                .limit(query.limit())
                .toList();
        List<WorklistEntry> entries = IntStream.range(0, ranked.size()).mapToObj(i -> ranked.get(i).withRank(i + 1)).toList();
        return new CollectionWorklist(query.asOf(), query.knownAt(), query.collector(), entries);
    }

    /** An entry not yet ranked. */
    private WorklistEntry entry(ResultSet rs) throws SQLException {
        LocalDate oldestOverdue = rs.getObject("oldest_overdue", LocalDate.class);
        LocalDate nextDue = rs.getObject("next_due", LocalDate.class);
        long daysPastDue = oldestOverdue == null ? 0 : ChronoUnit.DAYS.between(oldestOverdue, query.asOf());
        WorklistStage stage = WorklistStage.of(daysPastDue);
        String[] currencies = strings(rs.getArray("currencies"));
        List<Money> open = money(currencies, rs.getArray("open"));
        List<Money> overdue = money(currencies, rs.getArray("overdue")).stream().filter(m -> m.signum() != 0).toList();
        List<Money> disputed = money(currencies, rs.getArray("disputed")).stream().filter(m -> m.signum() != 0).toList();
        boolean overdueAllDisputed = !overdue.isEmpty() && rs.getBoolean("overdue_all_disputed");
        LocalDate limitationDate = rs.getObject("limitation_date", LocalDate.class);
        String tierName = rs.getString("tier");
        ReminderTier tier = tierName == null ? null : ReminderTier.valueOf(tierName.trim());
        List<EarlyWarningSignal> warnings = Arrays.stream(strings(rs.getArray("signals"))).map(EarlyWarningSignal::valueOf).toList();
        List<String> openCases = List.of(strings(rs.getArray("open_cases")));
        int brokenPromises = rs.getInt("broken_promises");
        int ordersHeld = rs.getInt("orders_held");
        BigDecimal largestOpen = open.stream().map(Money::amount).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        Long daysToLimitation = limitationDate == null ? null : ChronoUnit.DAYS.between(query.asOf(), limitationDate);
        PriorityScore priority = WorklistPriority.score(largestOpen, daysPastDue, daysToLimitation, brokenPromises, warnings.size(), ordersHeld);
        String limitationTerm = rs.getString("limitation_term");
        NextAction advice = NextActions.advise(new NextActions.Situation(query.asOf(), stage, tier, nextDue, oldestOverdue, limitationDate,
                limitationTerm, rs.getObject("last_delivered", LocalDate.class), openCases, overdueAllDisputed));
        return new WorklistEntry(0, rs.getString("customer_id"), rs.getString("name"), rs.getString("collector"), tier,
                stage, daysPastDue, oldestOverdue, nextDue, open, overdue, disputed, limitationDate, limitationTerm, rs.getString("restarted_by"),
                brokenPromises, warnings, ordersHeld, openCases, priority, advice);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static List<Money> money(String[] currencies, Array amounts) throws SQLException {
        BigDecimal[] values = (BigDecimal[]) amounts.getArray();
        List<Money> money = new ArrayList<>();
        for (int i = 0; i < currencies.length; i++) {
            money.add(new Money(values[i], currencies[i]));
        }
        return money;
    }
}
