package io.collectionsledger.projections.credit;

import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.credit.CreditDecision;
import io.collectionsledger.contracts.credit.CreditDecisionQuery;
import io.collectionsledger.contracts.credit.CreditReason;
import io.collectionsledger.contracts.credit.CreditReason.Code;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/** The credit decision fed events directly, on a real PostgreSQL: every rule of domain.md §3, each reason listed. */
class CreditDecisionProjectionTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-24T09:00:00Z");
    static DataSource dataSource;

    CreditDecisionProjection projection;
    EventFeed feed;
    String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new CreditDecisionProjection(new JdbcTemplate(dataSource));
        feed = new EventFeed(projection);
        customer = "C-" + UUID.randomUUID();
        at(new CustomerRegistered(customer, "Hengda", null, LocalDate.parse("2026-01-05"), CreditFile.empty()), NOW);
        at(new CreditLimitSet(customer, LocalDate.parse("2026-01-10"), null, cny("100000.00"), "annual review"), NOW);
    }

    @Test
    void anOrderWithinTheLimitIsAllowed() {
        issue("INV-1", "60000.00", TODAY.plusDays(20));

        CreditDecision decision = decide("40000.00");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.limit()).isEqualTo(cny("100000.00"));
        assertThat(decision.openReceivables()).isEqualTo(cny("60000.00"));
        assertThat(decision.exposure()).isEqualTo(cny("100000.00"));
    }

    @Test
    void anOrderThatTakesExposureAboveTheLimitIsRefusedWithTheFigures() {
        issue("INV-1", "60000.00", TODAY.plusDays(20));

        CreditDecision decision = decide("40000.01");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.CREDIT_LIMIT_EXCEEDED);
            assertThat(reason.detail()).contains("60000.00 CNY", "40000.01 CNY", "100000.01 CNY", "100000.00 CNY", "annual review");
        });
    }

    @Test
    void partialPaymentsAcrossInvoicesAndUnappliedCreditLowerTheExposure() {
        issue("INV-1", "50000.00", TODAY.minusDays(5));
        issue("INV-2", "50000.00", TODAY.plusDays(25));
        at(payment("P-1", TODAY.minusDays(2), "35000.00", List.of(principal("INV-1", "30000.00"), principal("INV-2", "5000.00")), "0.00"), NOW);
        at(payment("P-2", TODAY.minusDays(1), "3000.00", List.of(), "3000.00"), NOW);

        CreditDecision decision = decide("40000.00");

        assertThat(decision.openReceivables()).isEqualTo(cny("65000.00"));
        assertThat(decision.unappliedCredit()).isEqualTo(cny("3000.00"));
        assertThat(decision.exposure()).isEqualTo(cny("102000.00"));
        assertThat(codes(decision)).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
        assertThat(decide("38000.00").allowed()).isTrue();
    }

    @Test
    void aReversedPaymentReopensWhatItPaid() {
        issue("INV-1", "90000.00", TODAY.plusDays(10));
        at(payment("P-1", TODAY.minusDays(10), "50000.00", List.of(principal("INV-1", "50000.00")), "0.00"), NOW);
        assertThat(decide("50000.00").allowed()).isTrue();

        at(new PaymentReversed(customer, "P-1", TODAY.minusDays(1), "cheque returned unpaid", cny("50000.00"),
                List.of(principal("INV-1", "50000.00")), cny("0.00")), NOW);

        assertThat(codes(decide("50000.00"))).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
        assertThat(decide("50000.00", TODAY.minusDays(2), NOW).allowed()).as("as of the day before the reversal").isTrue();
    }

    @Test
    void aCreditNoteLowersTheExposureAndLateFeesRaiseIt() {
        issue("INV-1", "90000.00", TODAY.minusDays(20));
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", TODAY.minusDays(3), cny("20000.00"), "returned",
                List.of(principal("INV-1", "20000.00"))), NOW);
        at(new LateFeesAccrued(customer, TODAY.minusDays(1), List.of(new LateFeeAccrual("INV-1", "T1", cny("700.00"), 19, TODAY.minusDays(1), false))), NOW);

        CreditDecision decision = decide("29300.00");

        assertThat(decision.openReceivables()).isEqualTo(cny("70700.00"));
        assertThat(decision.allowed()).isTrue();
        assertThat(codes(decide("29300.01"))).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
    }

    /**
     * The exposure owes the late fees accrued since the last recorded day, worked out by hand: 12,345.67 at
     * 0.05 % a day is 6.172835 a day; 31 days to 31 October were recorded (191.357885 -> 191.36); a credit
     * note leaves 10,000.00 (5.00 a day) from 11 November.
     */
    @Test
    void theExposureOwesTheLateFeesAccruedSinceTheLastRecordedDay() {
        feeBearingInvoice("12345.67");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("191.36"), 31, LocalDate.parse("2026-10-31"), false))), NOW);
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("2345.67"), "short delivery",
                List.of(principal("INV-1", "2345.67"))), LATER);

        // 10 x 6.172835 + 14 x 5.00 = 131.72835 -> 131.73
        CreditDecision today = decide("89676.91", TODAY, LATER);
        assertThat(today.openReceivables()).isEqualTo(cny("10323.09"));
        assertThat(today.exposure()).isEqualTo(cny("100000.00"));
        assertThat(today.allowed()).isTrue();
        assertThat(codes(decide("89676.92", TODAY, LATER))).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
        // as of 15 November: 10 x 6.172835 + 5 x 5.00 = 86.72835 -> 86.73
        assertThat(decide("1.00", LocalDate.parse("2026-11-15"), LATER).openReceivables()).isEqualTo(cny("10278.09"));
        // as known before the credit note: 24 x 6.172835 = 148.14804 -> 148.15 on 12,345.67
        assertThat(decide("1.00", TODAY, NOW).openReceivables()).isEqualTo(cny("12685.18"));
        // on the last recorded day nothing more is owed than was recorded
        assertThat(decide("1.00", LocalDate.parse("2026-10-31"), LATER).openReceivables()).isEqualTo(cny("12537.03"));
    }

    /** Fixed through 10 November (41 days: 253.086235 -> 253.09), then written off but 2,345.67: nothing accrues after. */
    @Test
    void aWrittenOffInvoiceAccruesNoFeesAfterItsWriteOff() {
        feeBearingInvoice("12345.67");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-11-10"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("253.09"), 41, LocalDate.parse("2026-11-10"), false))), NOW);
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", LocalDate.parse("2026-11-10"), cny("10000.00"), "insolvent",
                List.of(principal("INV-1", "10000.00"))), NOW);

        assertThat(decide("1.00").openReceivables()).isEqualTo(cny("2598.76"));
        // the day before: 40 days, 246.9134 -> 246.91 on the whole principal
        assertThat(decide("1.00", LocalDate.parse("2026-11-09"), NOW).openReceivables()).isEqualTo(cny("12592.58"));
    }

    @Test
    void threeEarlyPaymentsRaiseTheLimitFromTheDayTheyDid() {
        invoice("INV-1", "110000.00", TODAY.minusDays(10), TODAY.plusDays(30));
        at(new CreditLimitRaised(customer, TODAY.minusDays(1), cny("100000.00"), cny("115000.00"), List.of("P-1", "P-2", "P-3")), NOW);

        CreditDecision decision = decide("5000.00");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.limit()).isEqualTo(cny("115000.00"));
        CreditReason before = decide("5000.00", TODAY.minusDays(2), NOW).reasons().get(0);
        assertThat(before.code()).isEqualTo(Code.CREDIT_LIMIT_EXCEEDED);
        assertThat(codes(decide("5000.01"))).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
        assertThat(decide("5000.01").reasons().get(0).detail()).contains("raised from 100000.00 CNY", "P-1, P-2, P-3");
    }

    @Test
    void theLimitIsInOneCurrencyOrdersInAnotherAreRefusedAndWhatIsOpenInOthersIsShownApart() {
        issue("INV-1", "10000.00", TODAY.plusDays(30));
        at(new InvoiceIssued(customer, "INV-2", null, TODAY.minusDays(5), usd("8000.00"),
                List.of(new InvoiceTerm("T1", usd("8000.00"), TODAY.plusDays(25))), List.of(), null), NOW);

        CreditDecision inYuan = decide("1000.00");
        CreditDecision inDollars = projection.handle(new CreditDecisionQuery(customer, usd("1000.00"), TODAY, NOW));

        assertThat(inYuan.allowed()).isTrue();
        assertThat(inYuan.exposure()).isEqualTo(cny("11000.00"));
        assertThat(inYuan.otherCurrencies()).containsExactly(usd("8000.00"));
        assertThat(codes(inDollars)).containsExactly(Code.CURRENCY_OUTSIDE_LIMIT);
        assertThat(inDollars.exposure()).as("the order is not counted in yuan").isEqualTo(cny("10000.00"));
    }

    @Test
    void withoutACreditLimitThereIsNoCredit() {
        String newcomer = "C-" + UUID.randomUUID();
        at(new CustomerRegistered(newcomer, "Newcomer", null, TODAY.minusDays(1), CreditFile.empty()), NOW);

        CreditDecision decision = projection.handle(new CreditDecisionQuery(newcomer, cny("1.00"), TODAY, NOW));

        assertThat(codes(decision)).containsExactly(Code.NO_CREDIT_LIMIT);
        assertThat(decision.limit()).isNull();
        assertThat(decision.exposure()).isEqualTo(cny("1.00"));
    }

    @Test
    void anUnknownCustomerIsRefusedForThatAndForHavingNoLimit() {
        CreditDecision decision = projection.handle(new CreditDecisionQuery("C-nobody-" + UUID.randomUUID(), cny("1.00"), TODAY, NOW));

        assertThat(codes(decision)).containsExactly(Code.UNKNOWN_CUSTOMER, Code.NO_CREDIT_LIMIT);
    }

    @Test
    void ordersHeldAfterAPaymentMoreThanFifteenDaysLateAreRefusedUntilReleased() {
        issue("INV-1", "1000.00", TODAY.minusDays(30));
        at(new OrdersHeld(customer, TODAY.minusDays(14), "INV-1", "T1", 16), NOW);

        CreditReason held = decide("1000.00").reasons().get(0);
        assertThat(held.code()).isEqualTo(Code.ORDERS_HELD);
        assertThat(held.detail()).contains("INV-1/T1", "16 days past due");

        at(payment("P-1", TODAY, "1000.00", List.of(principal("INV-1", "1000.00")), "0.00"), NOW);
        at(new OrdersReleased(customer, TODAY, "payment P-1 settled what held them"), NOW);

        assertThat(decide("1000.00").allowed()).isTrue();
        assertThat(codes(decide("1000.00", TODAY.minusDays(1), NOW))).containsExactly(Code.ORDERS_HELD);
    }

    @Test
    void aWithdrawnHoldRefusesNothingOnceTheWithdrawalIsRecordedAndStaysAsItWasKnownBefore() {
        issue("INV-1", "1000.00", TODAY.minusDays(30));
        at(new OrdersHeld(customer, TODAY.minusDays(14), "INV-1", "T1", 16), NOW);

        at(new OrdersHoldWithdrawn(customer, TODAY.minusDays(14), null, "a payment keyed in late was dated before it"), LATER);

        assertThat(decide("1000.00", TODAY, LATER).allowed()).isTrue();
        assertThat(decide("1000.00", TODAY.minusDays(14), LATER).allowed()).as("not even on its first day").isTrue();
        assertThat(codes(decide("1000.00", TODAY, NOW))).as("known before the withdrawal").containsExactly(Code.ORDERS_HELD);
    }

    @Test
    void aHoldWithdrawnForEndingOnAnotherDayGivesWayToTheOneRecordedBesideItOnTheSameDay() {
        issue("INV-1", "1000.00", TODAY.minusDays(30));
        at(new OrdersHeld(customer, TODAY.minusDays(14), "INV-1", "T1", 16), NOW);
        at(new OrdersReleased(customer, TODAY.minusDays(5), "payment P-1 settled what held them"), NOW);

        at(new OrdersHoldWithdrawn(customer, TODAY.minusDays(14), TODAY.minusDays(5), "payment P-1 was reversed"), LATER);
        at(new OrdersHeld(customer, TODAY.minusDays(14), "INV-1", "T1", 16), LATER);
        at(new OrdersReleased(customer, TODAY.minusDays(2), "payment P-2 settled what held them"), LATER);

        assertThat(codes(decide("1000.00", TODAY.minusDays(3), LATER))).as("held until the other day").containsExactly(Code.ORDERS_HELD);
        assertThat(decide("1000.00", TODAY.minusDays(2), LATER).allowed()).isTrue();
        assertThat(decide("1000.00", TODAY.minusDays(3), NOW).allowed()).as("known before the withdrawal: released on the first day")
                .isTrue();
    }

    @Test
    void aWithdrawnRaiseLeavesTheLimitBeforeItOnceTheWithdrawalIsRecorded() {
        invoice("INV-1", "110000.00", TODAY.minusDays(10), TODAY.plusDays(30));
        at(new CreditLimitRaised(customer, TODAY.minusDays(1), cny("100000.00"), cny("115000.00"), List.of("P-1", "P-2", "P-3")), NOW);

        at(new CreditLimitRaiseWithdrawn(customer, TODAY.minusDays(1), cny("100000.00"), cny("115000.00"), List.of("P-1", "P-2", "P-3"),
                "payment P-2 keyed in late was dated after its due date"), LATER);

        CreditDecision decision = decide("5000.00", TODAY, LATER);
        assertThat(decision.limit()).isEqualTo(cny("100000.00"));
        assertThat(codes(decision)).containsExactly(Code.CREDIT_LIMIT_EXCEEDED);
        assertThat(decision.reasons().get(0).detail()).contains("annual review");
        assertThat(decide("5000.00", TODAY, NOW).limit()).as("known before the withdrawal").isEqualTo(cny("115000.00"));
    }

    @Test
    void deliverTwoSettleOneAllowsTheLatestBatchOpenAndRefusesWhileAnEarlierOneIsUnpaid() {
        deliver("D1", TODAY.minusDays(40));
        invoice("INV-1", "1000.00", TODAY.minusDays(40), TODAY.minusDays(10), "D1");
        CreditDecision oneOpen = decide("1000.00");
        assertThat(oneOpen.allowed()).isTrue();
        assertThat(oneOpen.conditions()).extracting(CreditReason::code).containsExactly(Code.SETTLE_PREVIOUS_BATCH_ON_DELIVERY);

        deliver("D2", TODAY.minusDays(5));

        CreditDecision twoOpen = decide("1000.00");
        assertThat(twoOpen.unpaidBatches()).containsExactly("D1", "D2");
        assertThat(codes(twoOpen)).containsExactly(Code.DELIVER_TWO_SETTLE_ONE);
        assertThat(twoOpen.reasons().get(0).detail()).contains("D1, D2");

        at(payment("P-1", TODAY, "1000.00", List.of(principal("INV-1", "1000.00")), "0.00"), NOW);

        assertThat(decide("1000.00").allowed()).isTrue();
        assertThat(decide("1000.00").unpaidBatches()).containsExactly("D2");
    }

    @Test
    void aBatchWhoseInvoiceWasWrittenOffWasNeverPaid() {
        deliver("D1", TODAY.minusDays(400));
        invoice("INV-1", "1000.00", TODAY.minusDays(400), TODAY.minusDays(370), "D1");
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", TODAY.minusDays(10), cny("1000.00"), "insolvent",
                List.of(principal("INV-1", "1000.00"))), NOW);
        deliver("D2", TODAY.minusDays(5));

        CreditDecision decision = decide("1000.00");

        assertThat(decision.openReceivables()).as("written off: out of the exposure").isEqualTo(cny("0.00"));
        assertThat(codes(decision)).containsExactly(Code.DELIVER_TWO_SETTLE_ONE);
    }

    @Test
    void aPaymentPlanTakesOverTheBatchesOfTheInvoicesItCovers() {
        deliver("D1", TODAY.minusDays(60));
        invoice("INV-1", "1000.00", TODAY.minusDays(60), TODAY.minusDays(30), "D1");
        deliver("D2", TODAY.minusDays(5));
        at(new PaymentPlanAgreed(customer, "PL-1", TODAY.minusDays(3), List.of("INV-1"), List.of(principal("INV-1", "1000.00")),
                List.of(new Installment("I1", cny("500.00"), cny("5.00"), TODAY.plusDays(30)),
                        new Installment("I2", cny("500.00"), cny("5.00"), TODAY.plusDays(60))), false, "PL-1.pdf"), NOW);

        assertThat(decide("1000.00").unpaidBatches()).containsExactly("D1", "D2");

        at(payment("P-1", TODAY, "1010.00", List.of(new Allocation("PL-1", "I1", PRINCIPAL, cny("505.00")),
                new Allocation("PL-1", "I2", PRINCIPAL, cny("505.00"))), "0.00"), NOW);

        assertThat(decide("1000.00").unpaidBatches()).containsExactly("D2");
    }

    @Test
    void stagedTermsCountInFullUntilEachIsPaid() {
        deliver("D1", TODAY.minusDays(40));
        at(new InvoiceIssued(customer, "INV-1", "K-1", TODAY.minusDays(40), cny("100000.00"), List.of(
                new InvoiceTerm("ADV", cny("30000.00"), TODAY.minusDays(40)),
                new InvoiceTerm("ACC", cny("60000.00"), TODAY.minusDays(10)),
                new InvoiceTerm("WAR", cny("10000.00"), TODAY.plusDays(325))), List.of("D1"), null), NOW);
        at(payment("P-1", TODAY.minusDays(1), "90000.00", List.of(new Allocation("INV-1", "ADV", PRINCIPAL, cny("30000.00")),
                new Allocation("INV-1", "ACC", PRINCIPAL, cny("60000.00"))), "0.00"), NOW);

        CreditDecision decision = decide("90000.00");

        assertThat(decision.openReceivables()).isEqualTo(cny("10000.00"));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.unpaidBatches()).as("the warranty retention is still open").containsExactly("D1");
    }

    @Test
    void supplySuspendedRefusesUntilResumed() {
        at(new SupplySuspended(customer, TODAY.minusDays(10), "90 days overdue"), NOW);
        assertThat(codes(decide("1.00"))).containsExactly(Code.SUPPLY_SUSPENDED);
        assertThat(decide("1.00").reasons().get(0).detail()).contains("90 days overdue");

        at(new SupplyResumed(customer, TODAY.minusDays(2), "plan agreed"), NOW);

        assertThat(decide("1.00").allowed()).isTrue();
        assertThat(codes(decide("1.00", TODAY.minusDays(3), NOW))).containsExactly(Code.SUPPLY_SUSPENDED);
    }

    @Test
    void anOpenLawsuitRefusesUntilTheCaseIsClosed() {
        issue("INV-1", "1000.00", TODAY.minusDays(100));
        at(new LawsuitFiled(customer, "CASE-1", TODAY.minusDays(30), DisputeClause.Forum.LITIGATION, "Pudong court",
                List.of("INV-1"), cny("1000.00"), true, "complaint.pdf"), NOW);

        assertThat(codes(decide("1.00"))).containsExactly(Code.LAWSUIT_OPEN);
        assertThat(decide("1.00").reasons().get(0).detail()).contains("CASE-1", "Pudong court", "INV-1");

        at(new LegalStepRecorded(customer, "CASE-1", "S-9", TODAY, LegalStep.CASE_CLOSED, null, "settled", null), NOW);

        assertThat(decide("1.00").allowed()).isTrue();
    }

    @Test
    void everyReasonThatAppliesIsListedNotJustTheFirst() {
        deliver("D1", TODAY.minusDays(60));
        invoice("INV-1", "150000.00", TODAY.minusDays(60), TODAY.minusDays(30), "D1");
        deliver("D2", TODAY.minusDays(5));
        at(new OrdersHeld(customer, TODAY.minusDays(14), "INV-1", "T1", 16), NOW);
        at(new SupplySuspended(customer, TODAY.minusDays(3), "overdue"), NOW);
        at(new LawsuitFiled(customer, "CASE-1", TODAY.minusDays(1), DisputeClause.Forum.ARBITRATION, "CIETAC",
                List.of("INV-1"), cny("150000.00"), false, "claim.pdf"), NOW);

        assertThat(codes(decide("1.00"))).containsExactly(Code.CREDIT_LIMIT_EXCEEDED, Code.ORDERS_HELD, Code.DELIVER_TWO_SETTLE_ONE,
                Code.SUPPLY_SUSPENDED, Code.LAWSUIT_OPEN);
    }

    @Test
    void aFactRecordedAfterTheTimeAskedAboutIsNotKnownThen() {
        Instant later = NOW.plusSeconds(3600);
        at(new SupplySuspended(customer, TODAY.minusDays(10), "backdated"), later);

        assertThat(decide("1.00", TODAY, NOW).allowed()).isTrue();
        assertThat(decide("1.00", TODAY, later).allowed()).isFalse();
    }

    @Test
    void unappliedCreditAppliedLaterIsNotCountedTwice() {
        issue("INV-1", "100000.00", TODAY.plusDays(10));
        at(payment("P-1", TODAY.minusDays(2), "20000.00", List.of(), "20000.00"), NOW);
        at(new UnappliedCreditApplied(customer, "A-1", TODAY.minusDays(1), cny("20000.00"), List.of(principal("INV-1", "20000.00")), null), NOW);

        CreditDecision decision = decide("20000.00");

        assertThat(decision.openReceivables()).isEqualTo(cny("80000.00"));
        assertThat(decision.unappliedCredit()).isEqualTo(cny("0.00"));
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        feed.reset();

        assertThat(codes(decide("1.00"))).containsExactly(Code.UNKNOWN_CUSTOMER, Code.NO_CREDIT_LIMIT);
    }

    private CreditDecision decide(String amount) {
        return decide(amount, TODAY, NOW);
    }

    private CreditDecision decide(String amount, LocalDate asOf, Instant knownAt) {
        return projection.handle(new CreditDecisionQuery(customer, cny(amount), asOf, knownAt));
    }

    private static List<Code> codes(CreditDecision decision) {
        return decision.reasons().stream().map(CreditReason::code).toList();
    }

    private void issue(String invoiceId, String amount, LocalDate due) {
        invoice(invoiceId, amount, due.minusDays(30), due);
    }

    private void invoice(String invoiceId, String amount, LocalDate on, LocalDate due, String... deliveryIds) {
        at(new InvoiceIssued(customer, invoiceId, null, on, cny(amount), List.of(new InvoiceTerm("T1", cny(amount), due)),
                List.of(deliveryIds), null), NOW);
    }

    /** INV-1 under contract K-1 (0.05 % a day, capped at 10 % of the principal), due on 30 September. */
    private void feeBearingInvoice(String amount) {
        at(new ContractRecorded(customer, "K-1", LocalDate.parse("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("10"), false), null, null), NOW);
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-08-31"), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), LocalDate.parse("2026-09-30"))), List.of(), null), NOW);
    }

    private void deliver(String deliveryId, LocalDate on) {
        at(new DeliveryRecorded(customer, deliveryId, on, new DeliveryDetails(DeliveryDetails.Kind.GOODS, null, "10 t cement", null,
                null, "not back yet")), NOW);
    }

    private PaymentRecorded payment(String id, LocalDate on, String amount, List<Allocation> allocations, String unapplied) {
        return new PaymentRecorded(customer, id, on, cny(amount), RecordPayment.Method.BANK_TRANSFER, null, allocations, cny(unapplied));
    }

    /** Feeds one event as the processor would, recorded at the given time. */
    void at(AccountEvent event, Instant recordedAt) {
        feed.feed(event, recordedAt);
    }

    static Allocation principal(String invoiceId, String amount) {
        return new Allocation(invoiceId, "T1", PRINCIPAL, cny(amount));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
