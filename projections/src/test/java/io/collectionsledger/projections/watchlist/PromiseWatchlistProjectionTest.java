package io.collectionsledger.projections.watchlist;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.watchlist.PromiseBreach;
import io.collectionsledger.contracts.watchlist.PromiseBreaches;
import io.collectionsledger.contracts.watchlist.PromiseBreachesQuery;
import io.collectionsledger.contracts.watchlist.PromiseDue;
import io.collectionsledger.contracts.watchlist.PromiseRate;
import io.collectionsledger.contracts.watchlist.PromiseRates;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.watchlist.PromisesDueQuery;
import io.collectionsledger.contracts.watchlist.RepeatedBreaches;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The promise-breach watchlist fed events directly, on a real PostgreSQL: the outcomes the ledger records, and how late the money came. */
class PromiseWatchlistProjectionTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final LocalDate PROMISED_ON = LocalDate.parse("2026-11-02");
    static final LocalDate PROMISED_DATE = LocalDate.parse("2026-11-10");
    static DataSource dataSource;

    PromiseWatchlistProjection projection;
    EventFeed feed;
    String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new PromiseWatchlistProjection(new JdbcTemplate(dataSource));
        feed = new EventFeed(projection);
        customer = "C-" + UUID.randomUUID();
    }

    @Test
    void aPromiseDueWithinTheWindowIsListedWithWhatHasArrivedTowardsItSinceItWasGiven() {
        String promised = at(promise(customer, "PR-1", "600.00"), NOW);
        at(payment(customer, "P-0", "2026-11-01", "100.00"), NOW);
        at(payment(customer, "P-1", "2026-11-04", "200.00"), NOW);
        at(new PaymentRecorded(customer, "P-2", LocalDate.parse("2026-11-04"), Money.of("50.00", "USD"), RecordPayment.Method.BANK_TRANSFER,
                null, List.of(), Money.of("50.00", "USD")), NOW);
        LocalDate fifth = LocalDate.parse("2026-11-05");

        List<PromiseDue> withinAWeek = due(fifth, 7);

        assertThat(withinAWeek).singleElement().satisfies(due -> {
            assertThat(due.promiseId()).isEqualTo("PR-1");
            assertThat(due.daysUntilDue()).isEqualTo(5);
            assertThat(due.receivedSoFar()).isEqualTo(cny("200.00"));
            assertThat(due.collector()).isEqualTo("collector-li");
            assertThat(due.eventId()).isEqualTo(promised);
            assertThat(due.documentRef()).isEqualTo("commitment-PR-1.pdf");
        });
        assertThat(due(fifth, 3)).isEmpty();
    }

    @Test
    void aPromisePastItsDateStaysDueUntilTheLedgerRecordsItsOutcome() {
        at(promise(customer, "PR-1", "600.00"), NOW);

        assertThat(due(AS_OF, 0)).singleElement().satisfies(due -> assertThat(due.daysUntilDue()).isEqualTo(-14));

        at(broken(customer, "PR-1", "2026-11-11", "600.00", "0.00"), NOW);
        assertThat(due(AS_OF, 0)).isEmpty();
    }

    @Test
    void aPromiseKeptOneDayLateWithinTheGraceIsKeptAndCountedAsKeptLate() {
        feed.reset();
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(payment(customer, "P-1", "2026-11-11", "600.00"), NOW);
        at(new PaymentPromiseKept(customer, "PR-1", LocalDate.parse("2026-11-12"), cny("600.00"), cny("600.00"), cny("0.00")), NOW);

        PromiseRate rate = rates(PromiseRatesQuery.Grouping.CUSTOMER, NOW).rows().get(0);

        assertThat(breaches(AS_OF, NOW).breaches()).isEmpty();
        assertThat(rate.judged()).isEqualTo(1);
        assertThat(rate.kept()).isEqualTo(1);
        assertThat(rate.keptLate()).isEqualTo(1);
        assertThat(rate.keptRate()).isEqualByComparingTo("1");
    }

    @Test
    void aPromiseKeptOneDayLateOutsideTheGraceIsABreachOneDayLate() {
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(payment(customer, "P-1", "2026-11-11", "600.00"), NOW);
        String judged = at(broken(customer, "PR-1", "2026-11-11", "600.00", "0.00"), NOW);

        PromiseBreach breach = breaches(AS_OF, NOW).breaches().get(0);

        assertThat(breach.outcome()).isEqualTo(PromiseOutcome.BROKEN);
        assertThat(breach.shortfall()).isEqualTo(cny("600.00"));
        assertThat(breach.daysLate()).isEqualTo(1);
        assertThat(breach.settledOn()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(breach.judgedOn()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(breach.eventId()).isEqualTo(judged);
        assertThat(breach.correction()).isNull();
    }

    @Test
    void aPartiallyKeptPromiseShowsTheAmountShortAndIsLateUntilTheRestArrives() {
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(payment(customer, "P-1", "2026-11-08", "200.00"), NOW);
        at(new PaymentPromisePartiallyKept(customer, "PR-1", LocalDate.parse("2026-11-11"), cny("600.00"), cny("200.00"), cny("400.00")), NOW);

        PromiseBreach unpaid = breaches(AS_OF, NOW).breaches().get(0);
        at(payment(customer, "P-2", "2026-11-20", "400.00"), NOW);
        PromiseBreach paidLate = breaches(AS_OF, NOW).breaches().get(0);

        assertThat(unpaid.outcome()).isEqualTo(PromiseOutcome.PARTIALLY_KEPT);
        assertThat(unpaid.received()).isEqualTo(cny("200.00"));
        assertThat(unpaid.shortfall()).isEqualTo(cny("400.00"));
        assertThat(unpaid.daysLate()).isEqualTo(14);
        assertThat(unpaid.settledOn()).isNull();
        assertThat(paidLate.outcome()).isEqualTo(PromiseOutcome.PARTIALLY_KEPT);
        assertThat(paidLate.daysLate()).isEqualTo(10);
    }

    @Test
    void aBackdatedPaymentRecordedAfterABreachShowsAsACorrectionFromWhenItWasRecorded() {
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(broken(customer, "PR-1", "2026-11-11", "600.00", "0.00"), NOW);
        Instant later = NOW.plusSeconds(3600);
        at(payment(customer, "P-9", "2026-11-09", "600.00"), later);
        String corrected = at(new PaymentPromiseOutcomeCorrected(customer, "PR-1", AS_OF, PromiseOutcome.BROKEN, PromiseOutcome.KEPT,
                cny("600.00"), cny("0.00"), "P-9"), later);

        PromiseBreach asKnownBefore = breaches(AS_OF, NOW).breaches().get(0);
        PromiseBreach asKnownNow = breaches(AS_OF, later).breaches().get(0);
        PromiseBreach dayBefore = breaches(AS_OF.minusDays(1), later).breaches().get(0);

        assertThat(asKnownBefore.outcome()).isEqualTo(PromiseOutcome.BROKEN);
        assertThat(asKnownBefore.correction()).isNull();
        assertThat(asKnownNow.outcome()).isEqualTo(PromiseOutcome.KEPT);
        assertThat(asKnownNow.shortfall()).isEqualTo(cny("0.00"));
        assertThat(asKnownNow.correction()).satisfies(correction -> {
            assertThat(correction.from()).isEqualTo(PromiseOutcome.BROKEN);
            assertThat(correction.to()).isEqualTo(PromiseOutcome.KEPT);
            assertThat(correction.paymentId()).isEqualTo("P-9");
            assertThat(correction.correctedOn()).isEqualTo(AS_OF);
            assertThat(correction.eventId()).isEqualTo(corrected);
        });
        assertThat(asKnownNow.daysLate()).isZero();
        assertThat(asKnownNow.judgedOn()).isEqualTo(LocalDate.parse("2026-11-11"));
        assertThat(dayBefore.outcome()).isEqualTo(PromiseOutcome.BROKEN);
        assertThat(breaches(AS_OF, later).repeatedBreaches()).isEmpty();
    }

    @Test
    void customersWithRepeatedBreachesAreListedWithWhatTheyFellShortBy() {
        String other = customer + "-other";
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(broken(customer, "PR-1", "2026-11-11", "600.00", "0.00"), NOW);
        at(promise(customer, "PR-2", "300.00"), NOW);
        at(new PaymentPromisePartiallyKept(customer, "PR-2", LocalDate.parse("2026-11-12"), cny("300.00"), cny("100.00"), cny("200.00")), NOW);
        at(promise(customer, "PR-3", "100.00"), NOW);
        at(new PaymentPromiseKept(customer, "PR-3", LocalDate.parse("2026-11-13"), cny("100.00"), cny("100.00"), cny("0.00")), NOW);
        at(promise(other, "PR-1", "600.00"), NOW);
        at(broken(other, "PR-1", "2026-11-11", "600.00", "0.00"), NOW);

        PromiseBreaches breaches = projection.handle(new PromiseBreachesQuery(AS_OF, NOW, null, PromiseBreachesQuery.DEFAULT_REPEATED_AT));

        assertThat(breaches.repeatedBreaches()).filteredOn(repeated -> repeated.customerId().startsWith(customer))
                .singleElement().satisfies(repeated -> {
                    assertThat(repeated.customerId()).isEqualTo(customer);
                    assertThat(repeated.breaches()).isEqualTo(2);
                    assertThat(repeated.lastJudgedOn()).isEqualTo(LocalDate.parse("2026-11-12"));
                    assertThat(repeated.shortfall()).containsExactly(cny("800.00"));
                });
        assertThat(breaches.breaches()).filteredOn(breach -> breach.customerId().startsWith(customer))
                .extracting(PromiseBreach::customerId, PromiseBreach::promiseId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(customer, "PR-2"), org.assertj.core.groups.Tuple.tuple(customer, "PR-1"),
                        org.assertj.core.groups.Tuple.tuple(other, "PR-1"));
    }

    @Test
    void ratesCountEachPromiseAndContactForTheCollectorAssignedOnItsDayOrElseTheOneItNames() {
        feed.reset();
        String other = customer + "-other";
        at(new CollectorAssigned(customer, LocalDate.parse("2026-11-01"), "collector-li", ReminderTier.B), NOW);
        at(new CollectorAssigned(customer, LocalDate.parse("2026-11-15"), "collector-wang", ReminderTier.B), NOW);
        at(contact(customer, "CT-1", "2026-11-05", null), NOW);
        at(contact(customer, "CT-2", "2026-11-06", "collector-zhao"), NOW);
        at(contact(customer, "CT-3", "2026-11-20", null), NOW);
        at(new PaymentPromiseRecorded(customer, "PR-1", LocalDate.parse("2026-11-06"), cny("600.00"), LocalDate.parse("2026-11-10"),
                RecordPaymentPromise.Form.SPOKEN, null, List.of(), null), NOW);
        at(new PaymentPromiseKept(customer, "PR-1", LocalDate.parse("2026-11-11"), cny("600.00"), cny("600.00"), cny("0.00")), NOW);
        at(new PaymentPromiseRecorded(customer, "PR-2", LocalDate.parse("2026-11-20"), cny("100.00"), LocalDate.parse("2026-11-28"),
                RecordPaymentPromise.Form.SPOKEN, null, List.of(), null), NOW);
        at(contact(other, "CT-1", "2026-11-07", "collector-zhao"), NOW);
        at(new PaymentPromiseRecorded(other, "PR-1", LocalDate.parse("2026-11-07"), cny("600.00"), LocalDate.parse("2026-11-12"),
                RecordPaymentPromise.Form.SPOKEN, "collector-zhao", List.of(), null), NOW);
        at(broken(other, "PR-1", "2026-11-13", "600.00", "0.00"), NOW);
        at(contact(other, "CT-2", "2026-10-20", "collector-zhao"), NOW);

        PromiseRates byCollector = rates(PromiseRatesQuery.Grouping.COLLECTOR, NOW);

        assertThat(byCollector.rows()).extracting(PromiseRate::group).containsExactly("collector-li", "collector-wang", "collector-zhao");
        assertThat(byCollector.rows().get(0)).satisfies(li -> {
            assertThat(li.contactAttempts()).isEqualTo(2);
            assertThat(li.promisesObtained()).isEqualTo(1);
            assertThat(li.promisesObtainedRate()).isEqualByComparingTo("0.5");
            assertThat(li.judged()).isEqualTo(1);
            assertThat(li.keptRate()).isEqualByComparingTo("1");
        });
        assertThat(byCollector.rows().get(1)).satisfies(wang -> {
            assertThat(wang.contactAttempts()).isEqualTo(1);
            assertThat(wang.promisesObtained()).isEqualTo(1);
            assertThat(wang.judged()).isZero();
            assertThat(wang.keptRate()).isNull();
        });
        assertThat(byCollector.rows().get(2)).satisfies(zhao -> {
            assertThat(zhao.contactAttempts()).isEqualTo(1);
            assertThat(zhao.broken()).isEqualTo(1);
            assertThat(zhao.keptRate()).isEqualByComparingTo("0");
        });
        assertThat(byCollector.total()).satisfies(total -> {
            assertThat(total.group()).isNull();
            assertThat(total.contactAttempts()).isEqualTo(4);
            assertThat(total.promisesObtained()).isEqualTo(3);
            assertThat(total.promisesObtainedRate()).isEqualByComparingTo("0.75");
            assertThat(total.keptRate()).isEqualByComparingTo("0.5");
        });
        assertThat(rates(PromiseRatesQuery.Grouping.CUSTOMER, NOW).rows()).extracting(PromiseRate::group).containsExactly(customer, other);
    }

    @Test
    void aReversedPaymentNoLongerCountsTowardsAPromise() {
        at(promise(customer, "PR-1", "600.00"), NOW);
        at(payment(customer, "P-1", "2026-11-04", "200.00"), NOW);
        at(new PaymentReversed(customer, "P-1", LocalDate.parse("2026-11-06"), "cheque returned unpaid", cny("200.00"), List.of(), cny("200.00")), NOW);

        assertThat(due(LocalDate.parse("2026-11-05"), 7).get(0).receivedSoFar()).isEqualTo(cny("200.00"));
        assertThat(due(LocalDate.parse("2026-11-06"), 7).get(0).receivedSoFar()).isEqualTo(cny("0.00"));
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        at(promise(customer, "PR-1", "600.00"), NOW);

        feed.reset();

        assertThat(due(AS_OF, 30)).isEmpty();
    }

    private List<PromiseDue> due(LocalDate asOf, int days) {
        return projection.handle(new PromisesDueQuery(asOf, NOW, days, customer)).promises();
    }

    private PromiseBreaches breaches(LocalDate asOf, Instant knownAt) {
        return projection.handle(new PromiseBreachesQuery(asOf, knownAt, customer, PromiseBreachesQuery.DEFAULT_REPEATED_AT));
    }

    private PromiseRates rates(PromiseRatesQuery.Grouping by, Instant knownAt) {
        return projection.handle(new PromiseRatesQuery(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), by, AS_OF, knownAt));
    }

    private static PaymentPromiseRecorded promise(String customerId, String promiseId, String amount) {
        return new PaymentPromiseRecorded(customerId, promiseId, PROMISED_ON, cny(amount), PROMISED_DATE, RecordPaymentPromise.Form.WRITTEN,
                "collector-li", List.of(), "commitment-" + promiseId + ".pdf");
    }

    private static PaymentPromiseBroken broken(String customerId, String promiseId, String on, String promised, String received) {
        return new PaymentPromiseBroken(customerId, promiseId, LocalDate.parse(on), cny(promised), cny(received),
                cny(promised).minus(cny(received)));
    }

    private static PaymentRecorded payment(String customerId, String paymentId, String on, String amount) {
        return new PaymentRecorded(customerId, paymentId, LocalDate.parse(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(), cny("0.00"));
    }

    private static ContactAttemptLogged contact(String customerId, String contactId, String on, String collector) {
        return new ContactAttemptLogged(customerId, contactId, LocalDate.parse(on), collector, Channel.PHONE, "Zhang Min, CFO",
                ContactOutcome.REACHED_NO_COMMITMENT, null, null, null);
    }

    private String at(AccountEvent event, Instant recordedAt) {
        return feed.feed(event, recordedAt);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
