package io.collectionsledger.projections.credit;

import io.collectionsledger.contracts.credit.CreditDecision;
import io.collectionsledger.contracts.credit.CreditDecisionQuery;
import io.collectionsledger.contracts.credit.CreditReason;
import io.collectionsledger.contracts.credit.CreditReason.Code;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.projections.shared.CustomerLateFees;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.collectionsledger.projections.credit.CreditDecisionProjection.ORDERS_HELD;
import static io.collectionsledger.projections.credit.CreditDecisionProjection.SUPPLY_SUSPENDED;

/**
 * One credit decision from the facts that qualify: happened by {@code asOf}, recorded by
 * {@code knownAt}. Every rule of domain.md §3 is checked and every one that refuses the order is
 * listed. A hold or a raise withdrawn by {@code knownAt} counts as if it never was:
 * <ul>
 *   <li>limit and exposure: what is open in the limit's currency (late fees included, written-off
 *       excluded), less the unapplied credit in it, plus the order, must not exceed the limit in
 *       force (set, or raised after consecutive early payments). No limit, no credit. The ledger
 *       converts no currency: an order in another currency is refused, and what is open in other
 *       currencies is shown but not counted. The late fees are all those owed by then: those recorded
 *       and those accrued since the last recorded day of each open overdue term (the ledger records them
 *       only when it must fix an amount), computed as the account does ({@link CustomerLateFees}); none
 *       accrue on an invoice after its write-off;</li>
 *   <li>orders held after a payment more than 15 days late, until the ledger releases them;</li>
 *   <li>"deliver two, settle one" (送二结一): the latest batch delivered is settled when the next
 *       one is delivered, so an order is allowed with one batch unpaid (on that condition) and
 *       refused while an earlier batch is unpaid too. A batch is unpaid until every receivable
 *       that settles it (its invoices, or the plan that took them over) is paid or credited; a
 *       batch not yet invoiced is unpaid, and so is one whose invoice was written off. Fees accrue only
 *       on principal still open, so fees not yet recorded never make a paid receivable unpaid;</li>
 *   <li>supply suspended, until it is resumed;</li>
 *   <li>a lawsuit or arbitration filed and not closed.</li>
 * </ul>
 */
final class CreditCheck {

    /** The latest batch may still be open when the next is ordered: it is settled when that one is delivered. */
    static final int UNPAID_BATCHES_ALLOWED = 1;

    private final JdbcClient jdbc;
    private final CreditDecisionQuery query;
    private final Map<String, Object> params;

    /** What the fees accrued since the last recorded day rest on (see {@link CustomerLateFees.Source}). */
    private static final CustomerLateFees.Source FEES = new CustomerLateFees.Source("""
            select t.invoice_id, t.term_id, c.daily_rate_percent, c.cap_percent_of_principal
            from credit_term t
            join credit_late_fee_terms c on (c.customer_id, c.contract_id) = (t.customer_id, t.contract_id)
            where t.customer_id = :customer and t.issued_on <= :asOf and t.issued_at <= :knownAt
              and not exists (select from credit_write_off w
                              where (w.customer_id, w.invoice_id) = (t.customer_id, t.invoice_id)
                                and w.occurred_on <= :asOf and w.recorded_at <= :knownAt)""", """
            select invoice_id, term_id, true as fees, amount, occurred_on, accrued_through from credit_fee
            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
            union all
            select invoice_id, term_id, false, amount, occurred_on, null from credit_movement
            where customer_id = :customer and component = 'PRINCIPAL' and occurred_on <= :asOf and recorded_at <= :knownAt""", """
            select effective_from, annual_percent from credit_legal_cap where recorded_at <= :knownAt order by sequence_number""");

    CreditCheck(JdbcClient jdbc, CreditDecisionQuery query) {
        this.jdbc = jdbc;
        this.query = query;
        this.params = Map.of("customer", query.customerId(), "asOf", query.asOf(), "knownAt", Timestamp.from(query.knownAt()));
    }

    private record Limit(Money amount, String basis) {
    }

    CreditDecision decision() {
        List<CreditReason> reasons = new ArrayList<>();
        List<CreditReason> conditions = new ArrayList<>();
        Money order = query.order();

        if (!registered()) {
            reasons.add(new CreditReason(Code.UNKNOWN_CUSTOMER, "no customer " + query.customerId() + " was registered by then"));
        }

        Optional<Limit> limit = limit();
        String currency = limit.map(l -> l.amount().currency()).orElse(order.currency());
        Map<String, Money> open = sums("credit_movement");
        feesAccrued().forEach((feeCurrency, fees) -> open.merge(feeCurrency, fees, Money::plus));
        Money openReceivables = open.getOrDefault(currency, Money.zero(currency));
        Money unappliedCredit = sums("credit_unapplied").getOrDefault(currency, Money.zero(currency));
        Money exposure = openReceivables.minus(unappliedCredit);
        if (order.currency().equals(currency)) {
            exposure = exposure.plus(order);
        }
        if (limit.isEmpty()) {
            reasons.add(new CreditReason(Code.NO_CREDIT_LIMIT, "no credit limit was set: there is no credit to place an order on"));
        } else {
            Limit inForce = limit.get();
            if (!order.currency().equals(currency)) {
                reasons.add(new CreditReason(Code.CURRENCY_OUTSIDE_LIMIT, "the order is in " + order.currency() + ", the credit limit in "
                        + currency + "; the ledger holds no exchange rates"));
            }
            if (exposure.exceeds(inForce.amount())) {
                reasons.add(new CreditReason(Code.CREDIT_LIMIT_EXCEEDED, "open " + openReceivables + " - unapplied credit " + unappliedCredit
                        + (order.currency().equals(currency) ? " + this order " + order : "") + " = " + exposure
                        + ", above the credit limit of " + inForce.amount() + " (" + inForce.basis() + ")"));
            }
        }

        Map<String, String> switches = engagedSwitches();
        if (switches.containsKey(ORDERS_HELD)) {
            reasons.add(new CreditReason(Code.ORDERS_HELD, switches.get(ORDERS_HELD)));
        }
        List<String> unpaidBatches = unpaidBatches();
        if (unpaidBatches.size() > UNPAID_BATCHES_ALLOWED) {
            reasons.add(new CreditReason(Code.DELIVER_TWO_SETTLE_ONE, "batches " + String.join(", ", unpaidBatches)
                    + " are unpaid: a new batch ships only when every batch before the latest is paid"));
        } else if (unpaidBatches.size() == UNPAID_BATCHES_ALLOWED) {
            conditions.add(new CreditReason(Code.SETTLE_PREVIOUS_BATCH_ON_DELIVERY, "batch " + unpaidBatches.get(0)
                    + " is to be paid when this order is delivered"));
        }
        if (switches.containsKey(SUPPLY_SUSPENDED)) {
            reasons.add(new CreditReason(Code.SUPPLY_SUSPENDED, switches.get(SUPPLY_SUSPENDED)));
        }
        for (String lawsuit : openCases()) {
            reasons.add(new CreditReason(Code.LAWSUIT_OPEN, lawsuit));
        }

        List<Money> otherCurrencies = open.values().stream().filter(m -> !m.currency().equals(currency) && m.signum() != 0).toList();
        return new CreditDecision(query.customerId(), query.asOf(), query.knownAt(), order, reasons.isEmpty(), reasons, conditions,
                limit.map(Limit::amount).orElse(null), openReceivables, unappliedCredit, exposure, otherCurrencies, unpaidBatches);
    }

    private boolean registered() {
        return jdbc.sql("""
                        select exists (select 1 from credit_customer
                                       where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt)""")
                .params(params).query(Boolean.class).single();
    }

    /** The limit of the latest day by then; a raise withdrawn by then is left out. */
    private Optional<Limit> limit() {
        return jdbc.sql("""
                        select amount, currency, basis from credit_limit l
                        where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                          and not exists (select 1 from credit_limit_withdrawal w
                                          where w.customer_id = l.customer_id and w.occurred_on = l.occurred_on
                                            and w.amount = l.amount and w.currency = l.currency and w.basis = l.basis
                                            and w.seq > l.seq and w.recorded_at <= :knownAt)
                        order by occurred_on desc, seq desc limit 1""")
                .params(params)
                .query((rs, n) -> new Limit(new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("basis")))
                .optional();
    }

    /** The sum of a table's amounts per currency. */
    private Map<String, Money> sums(String table) {
        Map<String, Money> sums = new TreeMap<>();
        jdbc.sql("select currency, sum(amount) as amount from " + table
                        + " where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt group by currency")
                .params(params)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    sums.put(currency, new Money(rs.getBigDecimal("amount"), currency));
                });
        return sums;
    }

    /**
     * The fees accrued since the last recorded day on each open overdue term under a contract with
     * late-fee terms, per currency; none when no term bears fees.
     */
    private Map<String, Money> feesAccrued() {
        Map<String, Money> accrued = new TreeMap<>();
        CustomerLateFees fees = new CustomerLateFees(jdbc, params, query.asOf(), FEES);
        jdbc.sql("""
                        select t.invoice_id, t.term_id, t.currency, t.due_date, t.amount, coalesce(sum(m.amount), 0) as open
                        from credit_term t
                        left join credit_movement m on (m.customer_id, m.invoice_id, m.term_id) = (t.customer_id, t.invoice_id, t.term_id)
                                                   and m.occurred_on <= :asOf and m.recorded_at <= :knownAt
                        where t.customer_id = :customer and t.issued_on <= :asOf and t.issued_at <= :knownAt and t.due_date < :asOf
                        group by t.invoice_id, t.term_id, t.currency, t.due_date, t.amount""")
                .params(params)
                .query(rs -> {
                    String currency = rs.getString("currency").trim();
                    Money fee = fees.accrued(rs.getString("invoice_id"), rs.getString("term_id"), rs.getObject("due_date", LocalDate.class),
                            new Money(rs.getBigDecimal("amount"), currency), new Money(rs.getBigDecimal("open"), currency));
                    if (fee.signum() != 0) {
                        accrued.merge(currency, fee, Money::plus);
                    }
                });
        return accrued;
    }

    /**
     * Orders held, supply suspended: each switch's latest position by then, with what engaged it. A
     * hold withdrawn by then, and its release, are left out: the position is the one before them.
     */
    private Map<String, String> engagedSwitches() {
        Map<String, String> engaged = new TreeMap<>();
        jdbc.sql("""
                        select switch, detail from (
                            select distinct on (switch) switch, engaged, detail from credit_switch s
                            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                              and not exists (select 1 from credit_switch_withdrawal w
                                              where w.customer_id = s.customer_id and w.switch = s.switch
                                                and w.occurred_on = s.occurred_on and w.engaged = s.engaged
                                                and w.seq > s.seq and w.recorded_at <= :knownAt)
                            order by switch, occurred_on desc, seq desc) latest
                        where engaged""")
                .params(params)
                .query(rs -> {
                    engaged.put(rs.getString("switch"), rs.getString("detail"));
                });
        return engaged;
    }

    private List<String> openCases() {
        return jdbc.sql("""
                        select detail from credit_case
                        where customer_id = :customer and filed_on <= :asOf and filed_recorded_at <= :knownAt
                          and not coalesce(closed_on <= :asOf and closed_recorded_at <= :knownAt, false)
                        order by filed_on, case_id""")
                .params(params).query(String.class).list();
    }

    /** Batches delivered and not yet paid, oldest first; write-offs do not pay a batch. */
    private List<String> unpaidBatches() {
        return jdbc.sql("""
                        with unpaid_receivable as (
                            select invoice_id from credit_movement
                            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                            group by invoice_id
                            having coalesce(sum(amount) filter (where not written_off), 0) > 0
                        ),
                        settling as (
                            select delivery_id, receivable_id from credit_batch_receivable
                            where customer_id = :customer and occurred_on <= :asOf and recorded_at <= :knownAt
                        )
                        select d.delivery_id from credit_delivery d
                        where d.customer_id = :customer and d.occurred_on <= :asOf and d.recorded_at <= :knownAt
                          and (not exists (select 1 from settling s where s.delivery_id = d.delivery_id)
                               or exists (select 1 from settling s join unpaid_receivable u on u.invoice_id = s.receivable_id
                                          where s.delivery_id = d.delivery_id))
                        order by d.occurred_on, d.seq""")
                .params(params).query(String.class).list();
    }

}
