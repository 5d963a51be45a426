package io.collectionsledger.projections.metrics;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.metrics.CurrencyMetrics;
import io.collectionsledger.contracts.metrics.PeriodMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetrics;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery.Grouping;
import io.collectionsledger.contracts.metrics.PortfolioMetricsQuery.Period;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.watchlist.PromiseRate;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import io.collectionsledger.projections.watchlist.PromiseWatchlistProjection;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics of one small history, each figure computed by hand in the test. The history, all in
 * CNY, customer C-1 with collector li (tier A) from 2 January 2026:
 * <pre>
 * 01-10 invoice I-1  1000, one term due 02-09
 * 01-20 invoice I-2   500, one term due 01-31
 * 02-01 contact; promise PR-1 (500, for 02-05)      02-06 PR-1 kept
 * 02-05 payment 400 on I-2 (5 days past due)
 * 02-12 dispute on I-1                              03-02 resolved (18 days open)
 * 02-15 credit note 100 on I-1 (6 days past due)
 * 02-20 contact; promise PR-2 (300, for 02-28)      03-01 PR-2 broken
 * 02-25 contact
 * 03-01 collector wang (tier B)
 * 03-05 I-1 classified doubtful
 * 03-10 payment 600 on I-1 (29 days past due)
 * 03-20 I-2's last 100 written off                   04-05 30 recovered on I-2
 * </pre>
 */
class PortfolioMetricsProjectionTest {

    static final String C = "C-1";
    static final Instant RECORDED = Instant.parse("2026-05-01T08:00:00Z");
    static final LocalDate AS_OF = LocalDate.parse("2026-04-30");
    static DataSource dataSource;

    PortfolioMetricsProjection projection;
    PromiseWatchlistProjection watchlist;
    EventFeed feed;
    EventFeed watchlistFeed;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new PortfolioMetricsProjection(new JdbcTemplate(dataSource));
        watchlist = new PromiseWatchlistProjection(new JdbcTemplate(dataSource));
        feed = new EventFeed(projection);
        watchlistFeed = new EventFeed(watchlist);
        feed.reset();
        watchlistFeed.reset();
    }

    void history() {
        at(new CollectorAssigned(C, day("01-02"), "li", ReminderTier.A));
        at(invoice("I-1", "01-10", "1000", "02-09"));
        at(invoice("I-2", "01-20", "500", "01-31"));
        at(contact("K-1", "02-01"));
        at(new PaymentPromiseRecorded(C, "PR-1", day("02-01"), cny("500"), day("02-05"), RecordPaymentPromise.Form.WRITTEN, "li",
                List.of("I-2"), null));
        at(payment("P-1", "02-05", "I-2", "400"));
        at(new PaymentPromiseKept(C, "PR-1", day("02-06"), cny("500"), cny("500"), cny("0")));
        at(new DisputeRaised(C, "D-1", day("02-12"), "I-1", cny("200"), DisputeReason.QUALITY, "scratched"));
        at(new CreditNoteIssued(C, "I-1", "CN-1", day("02-15"), cny("100"), "returned",
                List.of(new Allocation("I-1", "T1", PRINCIPAL, cny("100")))));
        at(contact("K-2", "02-20"));
        at(new PaymentPromiseRecorded(C, "PR-2", day("02-20"), cny("300"), day("02-28"), RecordPaymentPromise.Form.SPOKEN, "li",
                List.of("I-1"), null));
        at(contact("K-3", "02-25"));
        at(new PaymentPromiseBroken(C, "PR-2", day("03-01"), cny("300"), cny("0"), cny("300")));
        at(new CollectorAssigned(C, day("03-01"), "wang", ReminderTier.B));
        at(new DisputeResolved(C, "D-1", day("03-02"), "I-1", cny("200"), ResolveDispute.Resolution.REJECTED, "no defect"));
        at(new ReceivableClassified(C, "I-1", day("03-05"), ReceivableClass.DOUBTFUL, "disputed, slow"));
        at(payment("P-2", "03-10", "I-1", "600"));
        at(new ReceivableWrittenOff(C, "I-2", "WO-1", day("03-20"), cny("100"), "uncollectable",
                List.of(new Allocation("I-2", "T1", PRINCIPAL, cny("100")))));
        at(new RecoveryAfterWriteOffRecorded(C, "I-2", "RC-1", day("04-05"), cny("30"), "wire"));
    }

    @Test
    void januaryInvoicedFifteenHundredAndNothingWasOverdueYet() {
        history();
        CurrencyMetrics january = overall().get(0).currencies().get(0);

        assertThat(january.invoiced()).isEqualTo(cny("1500"));
        assertThat(january.openAtStart()).isEqualTo(cny("0"));
        assertThat(january.openAtEnd()).isEqualTo(cny("1500"));
        // I-2 is due on 31 January: its first day past due is 1 February
        assertThat(january.overdueAtEnd()).isEqualTo(cny("0"));
        assertThat(january.overdueRatePercent()).isEqualByComparingTo("0");
        assertThat(january.onTarget()).isTrue();
        // 1500 open ÷ 1500 invoiced × 31 days
        assertThat(january.dso()).isEqualByComparingTo("31.0");
        // (0 + 1500 − 1500) ÷ (0 + 1500 − 1500 current): nothing was collectible
        assertThat(january.ceiPercent()).isNull();
    }

    @Test
    void februaryCollectedFourHundredCreditedOneHundredAndEverythingOpenWasOverdue() {
        history();
        CurrencyMetrics february = overall().get(1).currencies().get(0);

        assertThat(february.openAtStart()).isEqualTo(cny("1500"));
        assertThat(february.collected()).isEqualTo(cny("400"));
        assertThat(february.credited()).isEqualTo(cny("100"));
        // 1500 − 400 − 100; I-2 (100) overdue since 1 February, I-1 (900) since 10 February
        assertThat(february.openAtEnd()).isEqualTo(cny("1000"));
        assertThat(february.overdueAtEnd()).isEqualTo(cny("1000"));
        assertThat(february.overdueRatePercent()).isEqualByComparingTo("100");
        assertThat(february.onTarget()).isFalse();
        assertThat(february.invoiced()).isEqualTo(cny("0"));
        assertThat(february.dso()).isNull();
        // (1500 + 0 − 1000) ÷ (1500 + 0 − 0 current) = 33.33 %
        assertThat(february.ceiPercent()).isEqualByComparingTo("33.33");
    }

    @Test
    void marchCollectedSixHundredWroteOffOneHundredAndAprilRecoveredThirty() {
        history();
        List<PeriodMetrics> months = overall();
        CurrencyMetrics march = months.get(2).currencies().get(0);
        CurrencyMetrics april = months.get(3).currencies().get(0);

        assertThat(march.collected()).isEqualTo(cny("600"));
        assertThat(march.writtenOff()).isEqualTo(cny("100"));
        // 1000 − 600 − 100, all of it on I-1, overdue
        assertThat(march.openAtEnd()).isEqualTo(cny("300"));
        assertThat(march.overdueAtEnd()).isEqualTo(cny("300"));
        // (1000 + 0 − 300) ÷ (1000 + 0 − 0) = 70 %
        assertThat(march.ceiPercent()).isEqualByComparingTo("70.00");
        assertThat(april.recoveredAfterWriteOff()).isEqualTo(cny("30"));
        assertThat(april.openAtEnd()).isEqualTo(cny("300"));
        assertThat(april.collected()).isEqualTo(cny("0"));
    }

    @Test
    void lateFeesAccruedAreBilledSoAMonthWithoutPaymentsCollectedNothingRatherThanLessThanNothing() {
        history();
        at(new LateFeesAccrued(C, day("04-10"), List.of(new LateFeeAccrual("I-1", "T1", cny("15"), 31, day("04-10"), false))));

        CurrencyMetrics april = overall().get(3).currencies().get(0);
        assertThat(april.openAtEnd()).isEqualTo(cny("315"));
        assertThat(april.overdueAtEnd()).isEqualTo(cny("315"));
        // (300 + 0 invoiced + 15 charged − 315) ÷ (300 + 0 + 15 − 0 current) = 0 %; without the 15 billed, (300 − 315) ÷ 300 = −5 %
        assertThat(april.ceiPercent()).isEqualByComparingTo("0.00");
        assertThat(april.invoiced()).isEqualTo(cny("0"));
        assertThat(april.dso()).isNull();
    }

    @Test
    void feesTakenBackAreNeitherOpenNorChargedSoTheCorrectionCollectsNothing() {
        history();
        at(new LateFeesAccrued(C, day("04-10"), List.of(new LateFeeAccrual("I-1", "T1", cny("15"), 31, day("04-10"), false))));
        // recorded 15, the cap 9: 6 taken back, none of it paid yet
        at(new LateFeesCorrected(C, day("04-20"), List.of(new LateFeeCorrection("I-1", "T1", day("04-10"), cny("15"), cny("9"), cny("6"),
                cny("0"))), "late fees above the legal cap"));

        CurrencyMetrics april = overall().get(3).currencies().get(0);
        assertThat(april.openAtEnd()).isEqualTo(cny("309"));
        assertThat(april.overdueAtEnd()).isEqualTo(cny("309"));
        // (300 + 0 invoiced + 15 − 6 charged − 309) ÷ (300 + 9 − 0 current) = 0 %: taking fees back is not collecting them
        assertThat(april.ceiPercent()).isEqualByComparingTo("0.00");
        assertThat(april.collected()).isEqualTo(cny("0"));
    }

    @Test
    void februarysCohortOfFifteenHundredWasTwoThirdsCollectedWithinThirtyDaysPastDue() {
        history();
        CurrencyMetrics.RecoveryCurve february = overall().get(1).currencies().get(0).recovery();

        // I-2 (500) first past due on 1 February, I-1 (1000) on 10 February; the credit note after the due date is not collected
        assertThat(february.becameOverdue()).isEqualTo(cny("1500"));
        // 400 five days past due, 600 twenty-nine days past due: 1000 of 1500 in every window
        assertThat(february.points()).allSatisfy(point -> {
            assertThat(point.collected()).isEqualTo(cny("1000"));
            assertThat(point.share()).isEqualByComparingTo("0.6667");
        });
        assertThat(february.points()).extracting(CurrencyMetrics.RecoveryPoint::withinDaysPastDue).containsExactly(30, 90, 180, 365, 730);
        assertThat(overall().get(0).currencies().get(0).recovery().becameOverdue()).isEqualTo(cny("0"));
    }

    @Test
    void februarysPromisesAndContactsGiveTheRatesThePromiseWatchlistGives() {
        history();
        PeriodMetrics february = overall().get(1);

        assertThat(february.contactAttempts()).isEqualTo(3);
        assertThat(february.promisesMade()).isEqualTo(2);
        assertThat(february.ptpRate()).isEqualByComparingTo("0.6667");
        // PR-1 (for 5 February) kept, PR-2 (for 28 February) broken
        assertThat(february.promisesJudged()).isEqualTo(2);
        assertThat(february.promisesKept()).isEqualTo(1);
        assertThat(february.promisesBroken()).isEqualTo(1);
        assertThat(february.keptPromiseRate()).isEqualByComparingTo("0.5");

        PromiseRate watched = watchlist.handle(new PromiseRatesQuery(day("02-01"), day("02-28"), PromiseRatesQuery.Grouping.COLLECTOR,
                AS_OF, RECORDED)).total();
        assertThat(february.contactAttempts()).isEqualTo(watched.contactAttempts());
        assertThat(february.promisesMade()).isEqualTo(watched.promisesObtained());
        assertThat(february.ptpRate()).isEqualByComparingTo(watched.promisesObtainedRate());
        assertThat(february.keptPromiseRate()).isEqualByComparingTo(watched.keptRate());
    }

    @Test
    void aCorrectedOutcomeCountsAsCorrected() {
        history();
        at(new PaymentPromiseOutcomeCorrected(C, "PR-2", day("04-02"), PromiseOutcome.BROKEN, PromiseOutcome.PARTIALLY_KEPT,
                cny("100"), cny("200"), "P-9"));

        PeriodMetrics february = overall().get(1);
        assertThat(february.promisesBroken()).isZero();
        assertThat(february.promisesPartiallyKept()).isEqualTo(1);
        assertThat(february.keptPromiseRate()).isEqualByComparingTo("0.5");
        // as of before the correction, the outcome first recorded
        assertThat(metrics(null, Period.MONTH, day("04-01"), RECORDED).periods().get(1).promisesBroken()).isEqualTo(1);
    }

    @Test
    void disputesCountWhenRaisedAndResolvedWithTheirDaysOpen() {
        history();
        List<PeriodMetrics> months = overall();

        assertThat(months.get(1).disputesOpened()).isEqualTo(1);
        assertThat(months.get(1).disputesResolved()).isZero();
        assertThat(months.get(1).disputeDaysOpen()).isNull();
        assertThat(months.get(2).disputesResolved()).isEqualTo(1);
        assertThat(months.get(2).disputeDaysOpen()).isEqualByComparingTo("18");
    }

    @Test
    void byCollectorEachFactCountsUnderTheCollectorOfItsDayAndWhatIsOpenMovesWithTheCustomer() {
        history();
        List<PeriodMetrics> byCollector = metrics(Grouping.COLLECTOR, Period.MONTH, AS_OF, RECORDED).periods();

        PeriodMetrics liFebruary = group(byCollector, 1, "li");
        assertThat(liFebruary.currencies().get(0).collected()).isEqualTo(cny("400"));
        assertThat(liFebruary.currencies().get(0).openAtEnd()).isEqualTo(cny("1000"));
        assertThat(liFebruary.promisesMade()).isEqualTo(2);
        // PR-2 was made under li: its breach on 1 March counts for li
        assertThat(liFebruary.promisesBroken()).isEqualTo(1);
        PeriodMetrics liMarch = group(byCollector, 2, "li");
        assertThat(liMarch.currencies().get(0).openAtStart()).isEqualTo(cny("1000"));
        assertThat(liMarch.currencies().get(0).openAtEnd()).isEqualTo(cny("0"));
        assertThat(liMarch.currencies().get(0).overdueAtEnd()).isEqualTo(cny("0"));
        assertThat(liMarch.currencies().get(0).collected()).isEqualTo(cny("0"));
        PeriodMetrics wangMarch = group(byCollector, 2, "wang");
        assertThat(wangMarch.currencies().get(0).openAtEnd()).isEqualTo(cny("300"));
        assertThat(wangMarch.currencies().get(0).overdueAtEnd()).isEqualTo(cny("300"));
        assertThat(wangMarch.currencies().get(0).collected()).isEqualTo(cny("600"));
        assertThat(wangMarch.currencies().get(0).writtenOff()).isEqualTo(cny("100"));
        assertThat(wangMarch.disputesResolved()).isEqualTo(1);

        PromiseRate liWatched = watchlist.handle(new PromiseRatesQuery(day("02-01"), day("02-28"), PromiseRatesQuery.Grouping.COLLECTOR,
                AS_OF, RECORDED)).rows().stream().filter(row -> row.group().equals("li")).findFirst().orElseThrow();
        assertThat(liFebruary.ptpRate()).isEqualByComparingTo(liWatched.promisesObtainedRate());
        assertThat(liFebruary.keptPromiseRate()).isEqualByComparingTo(liWatched.keptRate());

        List<PeriodMetrics> byTier = metrics(Grouping.TIER, Period.MONTH, AS_OF, RECORDED).periods();
        assertThat(group(byTier, 2, "B").currencies().get(0).openAtEnd()).isEqualTo(cny("300"));
        assertThat(group(byTier, 2, "A").currencies().get(0).openAtEnd()).isEqualTo(cny("0"));
    }

    @Test
    void byClassTheInvoiceCountsUnderItsClassFromTheDayItWasClassified() {
        history();
        List<PeriodMetrics> byClass = metrics(Grouping.RECEIVABLE_CLASS, Period.MONTH, AS_OF, RECORDED).periods();

        assertThat(group(byClass, 1, "CURRENT").currencies().get(0).openAtEnd()).isEqualTo(cny("1000"));
        CurrencyMetrics doubtfulMarch = group(byClass, 2, "DOUBTFUL").currencies().get(0);
        assertThat(doubtfulMarch.openAtEnd()).isEqualTo(cny("300"));
        assertThat(doubtfulMarch.collected()).isEqualTo(cny("600"));
        CurrencyMetrics currentMarch = group(byClass, 2, "CURRENT").currencies().get(0);
        assertThat(currentMarch.openAtEnd()).isEqualTo(cny("0"));
        assertThat(currentMarch.writtenOff()).isEqualTo(cny("100"));
    }

    @Test
    void asOfADayTheStocksAreThoseOfThatDayAndWhatCameAfterIsLeftOut() {
        history();
        PeriodMetrics february = metrics(null, Period.MONTH, day("02-20"), RECORDED).periods().get(1);

        assertThat(february.end()).isEqualTo(day("02-20"));
        assertThat(february.currencies().get(0).openAtEnd()).isEqualTo(cny("1000"));
        assertThat(february.currencies().get(0).overdueAtEnd()).isEqualTo(cny("1000"));
        assertThat(february.contactAttempts()).isEqualTo(2);
        // PR-2's date (28 February) is after the report's date
        assertThat(february.promisesBroken()).isZero();
    }

    @Test
    void asKnownAtATimeAPaymentRecordedLaterIsLeftOut() {
        history();
        Instant later = RECORDED.plusSeconds(3600);
        feed.feed(payment("P-3", "02-27", "I-1", "50"), later);

        assertThat(metrics(null, Period.MONTH, AS_OF, later).periods().get(1).currencies().get(0).collected()).isEqualTo(cny("450"));
        assertThat(metrics(null, Period.MONTH, AS_OF, RECORDED).periods().get(1).currencies().get(0).collected()).isEqualTo(cny("400"));
        assertThat(metrics(null, Period.MONTH, AS_OF, RECORDED).periods().get(1).currencies().get(0).openAtEnd()).isEqualTo(cny("1000"));
    }

    @Test
    void weeksRunMondayToSunday() {
        history();
        List<PeriodMetrics> weeks = projection.handle(new PortfolioMetricsQuery(day("02-01"), day("02-14"), Period.WEEK, null, null, AS_OF, RECORDED)).periods();

        // 1 February 2026 is a Sunday
        assertThat(weeks).extracting(PeriodMetrics::start).containsExactly(day("01-26"), day("02-02"), day("02-09"));
        assertThat(weeks.get(0).currencies().get(0).openAtEnd()).isEqualTo(cny("1500"));
        assertThat(weeks.get(1).currencies().get(0).collected()).isEqualTo(cny("400"));
        // Sunday 15 February: I-2's 100 and I-1's 900 after the credit note
        assertThat(weeks.get(2).end()).isEqualTo(day("02-15"));
        assertThat(weeks.get(2).currencies().get(0).overdueAtEnd()).isEqualTo(cny("1000"));
    }

    private List<PeriodMetrics> overall() {
        return metrics(null, Period.MONTH, AS_OF, RECORDED).periods();
    }

    private PortfolioMetrics metrics(Grouping by, Period period, LocalDate asOf, Instant knownAt) {
        return projection.handle(new PortfolioMetricsQuery(day("01-01"), AS_OF, period, by, null, asOf, knownAt));
    }

    private static PeriodMetrics group(List<PeriodMetrics> periods, int month, String group) {
        LocalDate start = day("01-01").plusMonths(month);
        return periods.stream().filter(p -> p.start().equals(start) && p.group().equals(group)).findFirst().orElseThrow();
    }

    private void at(AccountEvent event) {
        feed.feed(event, RECORDED);
        watchlistFeed.feed(event, RECORDED);
    }

    private static InvoiceIssued invoice(String id, String on, String amount, String due) {
        return new InvoiceIssued(C, id, null, day(on), cny(amount), List.of(new InvoiceTerm("T1", cny(amount), day(due))), List.of(), null);
    }

    private static PaymentRecorded payment(String id, String on, String invoice, String amount) {
        return new PaymentRecorded(C, id, day(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation(invoice, "T1", PRINCIPAL, cny(amount))), cny("0"));
    }

    private static ContactAttemptLogged contact(String id, String on) {
        return new ContactAttemptLogged(C, id, day(on), "li", Channel.PHONE, "finance manager", ContactOutcome.PROMISE_OBTAINED, null, null, null);
    }

    private static LocalDate day(String monthDay) {
        return LocalDate.parse("2026-" + monthDay);
    }

    private static Money cny(String amount) {
        return new Money(new BigDecimal(amount), "CNY");
    }
}
