package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/** Facts the passing of business days produces, each exactly once (domain.md §3). */
class TimeProducedFactsTest extends AccountFixture {

    private static final LocalDate PROMISED = LocalDate.parse("2026-11-20");

    @Test
    void aPromiseIsKeptWhenThePromisedAmountArrivedByThePromisedDate() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"), paidOn("P1", "500.00", PROMISED))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED.plusDays(1)))
                .expectEvents(new PaymentPromiseKept(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("500.00"), cny("0.00")));
    }

    @Test
    void aPromiseIsPartiallyKeptWithItsShortfall() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"), paidOn("P1", "200.00", PROMISED))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED.plusDays(1)))
                .expectEvents(new PaymentPromisePartiallyKept(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("200.00"), cny("300.00")));
    }

    @Test
    void aPromiseIsBrokenWhenNothingArrivedByItsDate() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"), paidOn("P1", "500.00", PROMISED.plusDays(1)))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED.plusDays(2)))
                .expectEvents(new PaymentPromiseBroken(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("0.00"), cny("500.00")));
    }

    @Test
    void aPromiseIsNotJudgedBeforeItsDateHasPassed() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED))
                .expectNoEvents();
    }

    @Test
    void theGraceDaysLetALatePaymentStillKeepThePromise() {
        var withGrace = new AggregateTestFixture<>(CustomerAccount.class);
        withGrace.registerInjectableResource(new BusinessCalendar(
                Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")));
        withGrace.registerInjectableResource(new CollectionPolicy(2, new BigDecimal("15.4"), 3, new BigDecimal("15"), 15));
        withGrace.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"), paidOn("P1", "500.00", PROMISED.plusDays(2)))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED.plusDays(3)))
                .expectEvents(new PaymentPromiseKept(CUSTOMER, "PR-1", PROMISED.plusDays(3), cny("500.00"), cny("500.00"), cny("0.00")));
    }

    @Test
    void aPromiseIsJudgedOnceHoweverOftenItsDayIsClosed() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"),
                        new PaymentPromiseBroken(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("0.00"), cny("500.00")))
                .when(new CloseBusinessDay(CUSTOMER, PROMISED.plusDays(3)))
                .expectNoEvents();
    }

    @Test
    void aPaymentRecordedLateButDatedWithinThePromiseCorrectsItsOutcome() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"),
                        new PaymentPromiseBroken(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("0.00"), cny("500.00")))
                .when(new RecordPayment(CUSTOMER, "P1", PROMISED.minusDays(1), cny("500.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidOn("P1", "500.00", PROMISED.minusDays(1)),
                        new PaymentPromiseOutcomeCorrected(CUSTOMER, "PR-1", TODAY, PromiseOutcome.BROKEN, PromiseOutcome.KEPT,
                                cny("500.00"), cny("0.00"), "P1"));
    }

    @Test
    void aPaymentAfterThePromiseWindowLeavesTheOutcomeAsItWas() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"), promised("500.00"),
                        new PaymentPromiseBroken(CUSTOMER, "PR-1", PROMISED.plusDays(1), cny("500.00"), cny("0.00"), cny("500.00")))
                .when(new RecordPayment(CUSTOMER, "P1", PROMISED.plusDays(2), cny("500.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidOn("P1", "500.00", PROMISED.plusDays(2)));
    }

    @Test
    void aTermEntersEachCollectionStageOnTheDayItCrossesItAndHoldsOrders() {
        fixture.given(registered(), new InvoiceIssued(CUSTOMER, "INV-1", null, LocalDate.parse("2026-07-01"), cny("1000.00"),
                        List.of(new InvoiceTerm("T1", cny("1000.00"), LocalDate.parse("2026-08-01"))), List.of(), null))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(
                        stage("2026-08-02", CollectionStage.DPD_1_30),
                        stage("2026-09-01", CollectionStage.DPD_31_90),
                        stage("2026-10-31", CollectionStage.DPD_91_PLUS),
                        new OrdersHeld(CUSTOMER, LocalDate.parse("2026-08-17"), "INV-1", "T1", 16));
    }

    @Test
    void aStageIsReachedOnce() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-11-20"), stageOn("2026-11-21", CollectionStage.DPD_1_30))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectNoEvents();
    }

    @Test
    void lateFeesAreFixedAtTheMonthsEndDayByDayNeverAboveTheLegalCap() {
        // 0.05% a day on 10,000 for the 11 days to 31 October is 55.00; the legal cap, 15.4% a year for 11 days, is 46.41
        fixture.given(registered(), contractWithStagedTerms(), invoiced("INV-1", "10000.00", "2026-10-20"),
                        stageOn("2026-10-21", CollectionStage.DPD_1_30))
                .when(new CloseBusinessDay(CUSTOMER, LocalDate.parse("2026-10-31")))
                .expectEvents(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-31"), List.of(
                        new LateFeeAccrual("INV-1", "T1", cny("46.41"), 11, LocalDate.parse("2026-10-31"), true))));
    }

    @Test
    void lateFeesForADayAreFixedOnce() {
        fixture.given(registered(), contractWithStagedTerms(), invoiced("INV-1", "10000.00", "2026-10-20"),
                        stageOn("2026-10-21", CollectionStage.DPD_1_30),
                        new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-31"), List.of(
                                new LateFeeAccrual("INV-1", "T1", cny("46.41"), 11, LocalDate.parse("2026-10-31"), true))))
                .when(new CloseBusinessDay(CUSTOMER, LocalDate.parse("2026-10-31")))
                .expectNoEvents();
    }

    @Test
    void aPaymentOfWhatHeldOrdersReleasesThem() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-08-01"),
                        new OrdersHeld(CUSTOMER, LocalDate.parse("2026-08-17"), "INV-1", "T1", 16))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P1", "1000.00", List.of(principal("INV-1", "T1", "1000.00")), "0.00"),
                        new OrdersReleased(CUSTOMER, TODAY, "payment P1 settled what held them"));
    }

    @Test
    void threeConsecutiveEarlyPaymentsRaiseTheCreditLimitByFifteenPercent() {
        fixture.given(registered(), new CreditLimitSet(CUSTOMER, TODAY, null, cny("100000.00"), "opening limit"),
                        invoiced("INV-1", "100.00", "2026-12-31"), invoiced("INV-2", "100.00", "2026-12-31"),
                        invoiced("INV-3", "100.00", "2026-12-31"),
                        paidToday("P1", "100.00", List.of(principal("INV-1", "T1", "100.00")), "0.00"),
                        paidToday("P2", "100.00", List.of(principal("INV-2", "T1", "100.00")), "0.00"))
                .when(new RecordPayment(CUSTOMER, "P3", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P3", "100.00", List.of(principal("INV-3", "T1", "100.00")), "0.00"),
                        new CreditLimitRaised(CUSTOMER, TODAY, cny("100000.00"), cny("115000.00"), List.of("P1", "P2", "P3")));
    }

    @Test
    void aLatePaymentBreaksTheRunOfEarlyOnes() {
        fixture.given(registered(), new CreditLimitSet(CUSTOMER, TODAY, null, cny("100000.00"), "opening limit"),
                        invoiced("INV-1", "100.00", "2026-12-31"), invoiced("INV-2", "100.00", "2026-11-01"),
                        invoiced("INV-3", "100.00", "2026-12-31"),
                        paidToday("P1", "100.00", List.of(principal("INV-1", "T1", "100.00")), "0.00"),
                        paidToday("P2", "100.00", List.of(principal("INV-2", "T1", "100.00")), "0.00"))
                .when(new RecordPayment(CUSTOMER, "P3", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P3", "100.00", List.of(principal("INV-3", "T1", "100.00")), "0.00"));
    }

    @Test
    void noDayIsClosedBeforeItHasCome() {
        fixture.given(registered())
                .when(new CloseBusinessDay(CUSTOMER, TODAY.plusDays(1)))
                .expectException(refusedBy(Rule.DATED_IN_THE_FUTURE));
    }

    private static PaymentPromiseRecorded promised(String amount) {
        return new PaymentPromiseRecorded(CUSTOMER, "PR-1", LocalDate.parse("2026-11-10"), cny(amount), PROMISED,
                RecordPaymentPromise.Form.WRITTEN, "collector-li", List.of(), "DOC-PR-1");
    }

    private static io.collectionsledger.contracts.payment.PaymentRecorded paidOn(String id, String amount, LocalDate on) {
        return new io.collectionsledger.contracts.payment.PaymentRecorded(CUSTOMER, id, on, cny(amount), RecordPayment.Method.BANK_TRANSFER,
                null, List.of(principal("INV-1", "T1", amount)), cny("0.00"));
    }

    private static CollectionStageReached stage(String on, CollectionStage stage) {
        return new CollectionStageReached(CUSTOMER, "INV-1", "T1", LocalDate.parse(on), LocalDate.parse("2026-08-01"), stage, cny("1000.00"));
    }

    private static CollectionStageReached stageOn(String on, CollectionStage stage) {
        LocalDate day = LocalDate.parse(on);
        return new CollectionStageReached(CUSTOMER, "INV-1", "T1", day, day.minusDays(stage.firstDay()), stage, cny("1000.00"));
    }
}
