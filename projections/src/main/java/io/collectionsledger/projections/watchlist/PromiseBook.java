package io.collectionsledger.projections.watchlist;

import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.watchlist.OutcomeCorrection;
import io.collectionsledger.contracts.watchlist.PromiseBreach;
import io.collectionsledger.contracts.watchlist.PromiseBreaches;
import io.collectionsledger.contracts.watchlist.PromiseDue;
import io.collectionsledger.contracts.watchlist.PromiseRate;
import io.collectionsledger.contracts.watchlist.PromiseRates;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.watchlist.PromisesDue;
import io.collectionsledger.contracts.watchlist.RepeatedBreaches;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The promises as of a business date, as known at a time: each with the outcomes the ledger
 * recorded for it, in order, and the customer's payments that had arrived (not reversed), from
 * which it tells how late the promised money came.
 */
final class PromiseBook {

    private static final String UNASSIGNED = "unassigned";

    record Promise(String customerId, String promiseId, Money amount, LocalDate promisedDate, RecordPaymentPromise.Form form,
                   String collector, String documentRef, LocalDate promisedOn, String eventId) {
    }

    record Outcome(PromiseOutcome outcome, PromiseOutcome corrects, String paymentId, Money received, Money shortfall,
                   LocalDate occurredOn, String eventId) {
    }

    record Payment(Money amount, LocalDate paidOn) {
    }

    record Assignment(String collector, LocalDate from) {
    }

    record Contact(String customerId, String collector, LocalDate occurredOn) {
    }

    private final LocalDate asOf;
    private final Instant knownAt;
    private final List<Promise> promises;
    private final Map<String, List<Outcome>> outcomes;
    private final Map<String, List<Payment>> payments;
    private final Map<String, List<Assignment>> assignments;

    PromiseBook(LocalDate asOf, Instant knownAt, List<Promise> promises, Map<String, List<Outcome>> outcomes,
                Map<String, List<Payment>> payments, Map<String, List<Assignment>> assignments) {
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.promises = promises;
        this.outcomes = outcomes;
        this.payments = payments;
        this.assignments = assignments;
    }

    /** The facts that happened by {@code asOf} and were recorded by {@code knownAt}, of one customer or (null) all. */
    static PromiseBook load(JdbcClient jdbc, LocalDate asOf, Instant knownAt, String customerId) {
        Map<String, Object> params = new HashMap<>(Map.of("asOf", asOf, "knownAt", Timestamp.from(knownAt)));
        String customer = "";
        String promiseCustomer = "";
        if (customerId != null) {
            params.put("customer", customerId);
            customer = " and customer_id = :customer";
            promiseCustomer = " and o.customer_id = :customer";
        }
        String qualifies = " occurred_on <= :asOf and recorded_at <= :knownAt";
        List<Promise> promises = jdbc.sql("select * from watchlist_promise where" + qualifies + customer)
                .params(params)
                .query((rs, n) -> new Promise(rs.getString("customer_id"), rs.getString("promise_id"),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getObject("promised_date", LocalDate.class),
                        RecordPaymentPromise.Form.valueOf(rs.getString("form")), rs.getString("collector"), rs.getString("document_ref"),
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("event_id")))
                .list();
        Map<String, List<Outcome>> outcomes = new HashMap<>();
        jdbc.sql("select o.*, p.currency from watchlist_outcome o join watchlist_promise p using (customer_id, promise_id)"
                        + " where o.occurred_on <= :asOf and o.recorded_at <= :knownAt" + promiseCustomer + " order by o.sequence_number")
                .params(params)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    String corrects = rs.getString("corrects");
                    outcomes.computeIfAbsent(key(rs.getString("customer_id"), rs.getString("promise_id")), k -> new ArrayList<>())
                            .add(new Outcome(PromiseOutcome.valueOf(rs.getString("outcome")), corrects == null ? null : PromiseOutcome.valueOf(corrects),
                                    rs.getString("payment_id"), new Money(rs.getBigDecimal("received"), currency), new Money(rs.getBigDecimal("shortfall"), currency),
                                    rs.getObject("occurred_on", LocalDate.class), rs.getString("event_id")));
                });
        Map<String, List<Payment>> payments = new HashMap<>();
        jdbc.sql("""
                        select * from watchlist_payment pay
                        where""" + qualifies + customer + """
                         and not exists (select 1 from watchlist_payment_reversal r
                                         where r.customer_id = pay.customer_id and r.payment_id = pay.payment_id
                                           and r.occurred_on <= :asOf and r.recorded_at <= :knownAt)
                          and exists (select 1 from watchlist_promise p where p.customer_id = pay.customer_id and p.occurred_on <= pay.occurred_on)
                        order by occurred_on""")
                .params(params)
                .query(rs -> {
                    payments.computeIfAbsent(rs.getString("customer_id"), k -> new ArrayList<>())
                            .add(new Payment(new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getObject("occurred_on", LocalDate.class)));
                });
        Map<String, List<Assignment>> assignments = new HashMap<>();
        jdbc.sql("select * from watchlist_assignment where" + qualifies + customer + " order by occurred_on, sequence_number")
                .params(params)
                .query(rs -> {
                    assignments.computeIfAbsent(rs.getString("customer_id"), k -> new ArrayList<>())
                            .add(new Assignment(rs.getString("collector"), rs.getObject("occurred_on", LocalDate.class)));
                });
        return new PromiseBook(asOf, knownAt, promises, outcomes, payments, assignments);
    }

    /** Contact attempts logged in the query's period, as of its date, as known at its time. */
    static List<Contact> contacts(JdbcClient jdbc, PromiseRatesQuery query) {
        return jdbc.sql("""
                        select customer_id, collector, occurred_on from watchlist_contact
                        where occurred_on between :from and :to and occurred_on <= :asOf and recorded_at <= :knownAt""")
                .params(Map.of("from", query.from(), "to", query.to(), "asOf", query.asOf(), "knownAt", Timestamp.from(query.knownAt())))
                .query((rs, n) -> new Contact(rs.getString("customer_id"), rs.getString("collector"), rs.getObject("occurred_on", LocalDate.class)))
                .list();
    }

    /** Promises not yet judged whose date is at most {@code days} away (or already past). */
    PromisesDue due(int days) {
        LocalDate horizon = asOf.plusDays(days);
        List<PromiseDue> due = promises.stream()
                .filter(promise -> outcomesOf(promise).isEmpty() && !promise.promisedDate().isAfter(horizon))
                .sorted(Comparator.comparing(Promise::promisedDate).thenComparing(Promise::customerId).thenComparing(Promise::promiseId))
                .map(promise -> new PromiseDue(promise.customerId(), promise.promiseId(), collectorOn(promise.customerId(), asOf, promise.collector()),
                        promise.promisedOn(), promise.promisedDate(), ChronoUnit.DAYS.between(asOf, promise.promisedDate()), promise.amount(),
                        receivedSince(promise), promise.form(), promise.documentRef(), promise.eventId()))
                .toList();
        return new PromisesDue(asOf, knownAt, days, due);
    }

    /** Every promise that was ever judged a breach, and the customers with at least {@code repeatedAt} breaches as last recorded. */
    PromiseBreaches breaches(int repeatedAt) {
        List<PromiseBreach> breaches = new ArrayList<>();
        for (Promise promise : promises) {
            List<Outcome> judged = outcomesOf(promise);
            Optional<Outcome> breach = judged.stream().filter(outcome -> outcome.outcome() != PromiseOutcome.KEPT).findFirst();
            if (breach.isEmpty()) {
                continue;
            }
            Outcome last = judged.get(judged.size() - 1);
            OutcomeCorrection correction = judged.stream().filter(outcome -> outcome.corrects() != null).reduce((first, later) -> later)
                    .map(c -> new OutcomeCorrection(c.corrects(), c.outcome(), c.occurredOn(), c.paymentId(), c.eventId())).orElse(null);
            Optional<LocalDate> settledOn = settledOn(promise);
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(promise.promisedDate(), settledOn.orElse(asOf)));
            breaches.add(new PromiseBreach(promise.customerId(), promise.promiseId(), collectorOn(promise.customerId(), asOf, promise.collector()),
                    promise.promisedOn(), promise.promisedDate(), promise.amount(), last.outcome(), last.received(), last.shortfall(),
                    judged.get(0).occurredOn(), daysLate, settledOn.orElse(null), correction, breach.get().eventId()));
        }
        breaches.sort(Comparator.comparing(PromiseBreach::judgedOn).reversed()
                .thenComparing(PromiseBreach::customerId).thenComparing(PromiseBreach::promiseId));
        Map<String, List<PromiseBreach>> standing = breaches.stream().filter(breach -> breach.outcome() != PromiseOutcome.KEPT)
                .collect(Collectors.groupingBy(PromiseBreach::customerId, TreeMap::new, Collectors.toList()));
        List<RepeatedBreaches> repeated = standing.entrySet().stream()
                .filter(customer -> customer.getValue().size() >= repeatedAt)
                .map(customer -> new RepeatedBreaches(customer.getKey(), customer.getValue().get(0).collector(), customer.getValue().size(),
                        customer.getValue().stream().map(PromiseBreach::judgedOn).max(Comparator.naturalOrder()).orElseThrow(),
                        customer.getValue().stream().collect(Collectors.groupingBy(breach -> breach.shortfall().currency(), TreeMap::new,
                                Collectors.reducing(null, PromiseBreach::shortfall, (a, b) -> a == null ? b : a.plus(b)))).values().stream().toList()))
                .sorted(Comparator.comparing(RepeatedBreaches::breaches).reversed().thenComparing(RepeatedBreaches::customerId))
                .toList();
        return new PromiseBreaches(asOf, knownAt, breaches, repeated);
    }

    /**
     * Over the period: promises obtained per contact attempt, and, of the promises whose date fell
     * in it and were judged, how many were kept (as last recorded).
     */
    PromiseRates rates(PromiseRatesQuery query, List<Contact> contacts) {
        Map<String, Tally> rows = new TreeMap<>();
        Tally total = new Tally();
        boolean byCustomer = query.by() == PromiseRatesQuery.Grouping.CUSTOMER;
        for (Contact contact : contacts) {
            String group = byCustomer ? contact.customerId() : collectorOn(contact.customerId(), contact.occurredOn(), contact.collector());
            rows.computeIfAbsent(group, g -> new Tally()).contactAttempts++;
            total.contactAttempts++;
        }
        for (Promise promise : promises) {
            String group = byCustomer ? promise.customerId() : collectorOn(promise.customerId(), promise.promisedOn(), promise.collector());
            if (within(promise.promisedOn(), query)) {
                rows.computeIfAbsent(group, g -> new Tally()).promisesObtained++;
                total.promisesObtained++;
            }
            List<Outcome> judged = outcomesOf(promise);
            if (within(promise.promisedDate(), query) && !judged.isEmpty()) {
                PromiseOutcome outcome = judged.get(judged.size() - 1).outcome();
                boolean late = outcome == PromiseOutcome.KEPT && settledOn(promise).filter(day -> day.isAfter(promise.promisedDate())).isPresent();
                rows.computeIfAbsent(group, g -> new Tally()).count(outcome, late);
                total.count(outcome, late);
            }
        }
        return new PromiseRates(query.from(), query.to(), query.by(), query.asOf(), query.knownAt(),
                rows.entrySet().stream().map(row -> row.getValue().rate(row.getKey())).toList(), total.rate(null));
    }

    private static boolean within(LocalDate day, PromiseRatesQuery query) {
        return !day.isBefore(query.from()) && !day.isAfter(query.to());
    }

    /** The first day the payments since the promise add up to the promised amount. */
    private Optional<LocalDate> settledOn(Promise promise) {
        Money arrived = Money.zero(promise.amount().currency());
        for (Payment payment : paymentsTowards(promise)) {
            arrived = arrived.plus(payment.amount());
            if (!promise.amount().exceeds(arrived)) {
                return Optional.of(payment.paidOn());
            }
        }
        return Optional.empty();
    }

    private Money receivedSince(Promise promise) {
        return paymentsTowards(promise).stream().map(Payment::amount).reduce(Money.zero(promise.amount().currency()), Money::plus);
    }

    /** As the ledger counts them: the customer's payments in the promise's currency, dated from the day it was given. */
    private List<Payment> paymentsTowards(Promise promise) {
        return payments.getOrDefault(promise.customerId(), List.of()).stream()
                .filter(payment -> payment.amount().currency().equals(promise.amount().currency()))
                .filter(payment -> !payment.paidOn().isBefore(promise.promisedOn()))
                .toList();
    }

    private List<Outcome> outcomesOf(Promise promise) {
        return outcomes.getOrDefault(key(promise.customerId(), promise.promiseId()), List.of());
    }

    /** The collector assigned to the customer on that day; with none assigned yet, the one the fact names. */
    private String collectorOn(String customerId, LocalDate day, String named) {
        return assignments.getOrDefault(customerId, List.of()).stream()
                .filter(assignment -> !assignment.from().isAfter(day))
                .reduce((first, later) -> later)
                .map(Assignment::collector)
                .orElse(named == null ? UNASSIGNED : named);
    }

    private static String key(String customerId, String promiseId) {
        return customerId + "\u0000" + promiseId;
    }


    private static final class Tally {
        int contactAttempts;
        int promisesObtained;
        int kept;
        int keptLate;
        int partiallyKept;
        int broken;

        void count(PromiseOutcome outcome, boolean late) {
            switch (outcome) {
                case KEPT -> {
                    kept++;
                    if (late) {
                        keptLate++;
                    }
                }
                case PARTIALLY_KEPT -> partiallyKept++;
                case BROKEN -> broken++;
            }
        }

        PromiseRate rate(String group) {
            int judged = kept + partiallyKept + broken;
            return new PromiseRate(group, contactAttempts, promisesObtained, ratio(promisesObtained, contactAttempts),
                    judged, kept, keptLate, partiallyKept, broken, ratio(kept, judged));
        }

        private static BigDecimal ratio(int part, int whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        }
    }
}
