package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.OrdersHeld;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal cap on late fees (15.4% a year by default) is taken on the principal overdue on each
 * day, not on the term's original principal; fees recorded above it are taken back by a
 * correcting event at the next close, once (issue 17, part 2).
 */
class LateFeeCapTest extends AccountFixture {

    /** 90 days before {@link Accounts#TODAY}: the term is 90 days overdue on it. */
    private static final LocalDate DUE = TODAY.minusDays(90);
    /** The ninth overdue day: 8 days at 60,000 before it, 82 at 45,000 from it. */
    private static final LocalDate MIDWAY = DUE.plusDays(9);
    private static final String REASON =
            "late fees above the legal cap of 15.4% a year on the principal overdue on each day, or above the contract's cap";

    @Test
    void theLegalCapIsTakenOnThePrincipalOverdueNotOnTheTermsPrincipal() {
        // the example: a 60,000 term of which 45,000 is overdue for 90 days. 0.05% a day is
        // 45,000 x 0.0005 x 90 = 2,025.00; the legal cap is 45,000 x 15.4% x 90 / 365 = 623,700 / 365
        // = 1,708.767..., so 1,708.77 (on the term's 60,000 it was 2,278.36, and 2,025.00 went uncapped)
        assertThat(new BigDecimal("45000").multiply(new BigDecimal("0.154")).multiply(BigDecimal.valueOf(90))
                .divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP)).isEqualByComparingTo("1708.77");
        // closed today, the fees are fixed at each month's end since the due date, each month at the legal cap on
        // 45,000 (18.986... a day): through 31 August (5 days) 94.93; through 30 September (35) 664.52; through
        // 31 October (66) 1,253.10; the 24 days of November are fixed at its end
        fixture.given(overdue(paidOn("P1", DUE, "15000.00")))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(accrued(LocalDate.parse("2026-08-31"), "94.93", 5, true),
                        accrued(LocalDate.parse("2026-09-30"), "569.59", 30, true),
                        accrued(LocalDate.parse("2026-10-31"), "588.58", 31, true));
    }

    @Test
    void aTermPartlyPaidMidwayIsCappedOnEachPeriodsPrincipal() {
        // first 8 days on 60,000: 0.05% a day is 240.00, the cap 60,000 x 15.4% x 8 / 365 = 202.52 (capped);
        // through 30 September: (60,000 x 8 + 45,000 x 27) x 15.4% / 365 = 261,030 / 365 = 715.150..., so 715.15,
        // 512.63 more; through 31 October: (1,695,000 + 45,000 x 31) x 0.154 / 365 = 1,303.726..., 588.58 more,
        // each below 45,000 x 0.0005 a day
        fixture.given(overdue(accrued(MIDWAY.minusDays(1), "202.52", 8, true),
                        paidOn("P1", MIDWAY, "15000.00")))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(accrued(LocalDate.parse("2026-09-30"), "512.63", 27, true),
                        accrued(LocalDate.parse("2026-10-31"), "588.58", 31, true));
    }

    @Test
    void aFixRoundedUpLiftsNoLaterFixAboveTheLegalCapRounded() {
        // the demo's INV-001 ACC: 60,000 x 15.4% x 9 / 365 = 227.835..., fixed through the 9th overdue day as 227.84, then
        // 14,278.52 paid. The legal line through 30 September is 227.835... + 45,721.48 x 15.4% x 26 / 365 = 729.393...:
        // 729.39, 501.55 more (run on from the 227.84 fixed it was 729.397..., 729.40 fixed, a cent above the cap and taken
        // back at the next close); through 31 October + 31 days, 1,327.409...: 1,327.41, 598.02 more
        fixture.given(overdue(accrued(DUE.plusDays(9), "227.84", 9, true), paidOn("P1", DUE.plusDays(10), "14278.52")))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(accrued(LocalDate.parse("2026-09-30"), "501.55", 26, true),
                        accrued(LocalDate.parse("2026-10-31"), "598.02", 31, true));
    }

    @Test
    void feesFixedAfterAFixRoundedUpAreNotTakenBackAtTheNextClose() {
        fixture.given(overdue(accrued(DUE.plusDays(9), "227.84", 9, true), paidOn("P1", DUE.plusDays(10), "14278.52"),
                        accrued(LocalDate.parse("2026-09-30"), "501.55", 26, true), accrued(LocalDate.parse("2026-10-31"), "598.02", 31, true)))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectNoEvents();
    }

    @Test
    void feesRecordedAboveTheCorrectedCapAreTakenBackAtTheNextClose() {
        // recorded under the earlier rule: 45,000 x 0.0005 x 90 = 2,025.00, under its cap on 60,000;
        // the cap on each day's principal through today is 1,759.40 (above): 265.60 is taken back
        fixture.given(overdue(paidOn("P1", MIDWAY, "15000.00"), accrued(TODAY, "2025.00", 90, false)))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(corrected("0.00"));
    }

    @Test
    void aCorrectionIsMadeOnce() {
        fixture.given(overdue(paidOn("P1", MIDWAY, "15000.00"), accrued(TODAY, "2025.00", 90, false), corrected("0.00")))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectNoEvents();
    }

    @Test
    void feesAtOrBelowTheCapAreLeftAlone() {
        fixture.given(overdue(paidOn("P1", MIDWAY, "15000.00"), accrued(TODAY, "1759.40", 90, true)))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectNoEvents();
    }

    @Test
    void whatHadPaidFeesTakenBackBecomesUnappliedCredit() {
        // 2,000.00 of the 2,025.00 was paid: of the 265.60 taken back, 25.00 was open and 240.60 paid
        PaymentRecorded paidFees = new PaymentRecorded(CUSTOMER, "P2", TODAY, cny("2000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("2000.00"))), cny("0.00"));
        fixture.given(overdue(paidOn("P1", MIDWAY, "15000.00"), accrued(TODAY, "2025.00", 90, false), paidFees))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(corrected("240.60"));
    }

    @Test
    void theCreditFromFeesTakenBackCanBeRefunded() {
        PaymentRecorded paidFees = new PaymentRecorded(CUSTOMER, "P2", TODAY, cny("2000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("2000.00"))), cny("0.00"));
        fixture.given(overdue(paidOn("P1", MIDWAY, "15000.00"), accrued(TODAY, "2025.00", 90, false), paidFees, corrected("240.60")))
                .when(new RefundUnappliedCredit(CUSTOMER, "R-1", TODAY, cny("240.60"), "fees taken back"))
                .expectEvents(new UnappliedCreditRefunded(CUSTOMER, "R-1", TODAY, cny("240.60"), "fees taken back"));
    }

    @Test
    void aPaymentDatedBackPaysOnlyTheFeesOwedThroughTheDayBeforeIt() {
        // the closes fixed the fees through 30 September on the whole 60,000 (the legal 15.4 % a year, 25.315... a day):
        // 126.58 through 31 August, 886.03 through 30 September. 30,000 paid on 10 September, keyed in today, finds only
        // the 14 days through 9 September owed on its date: 60,000 x 15.4 % x 14 / 365 = 354.41; the rest is principal
        LocalDate paidOn = DUE.plusDays(15);
        fixture.given(overdue(accrued(LocalDate.parse("2026-08-31"), "126.58", 5, true), accrued(LocalDate.parse("2026-09-30"), "759.45", 30, true)))
                .when(new RecordPayment(CUSTOMER, "P2", paidOn, cny("30000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P2", paidOn, cny("30000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("354.41")),
                                principal("INV-1", "T1", "29645.59")), cny("0.00")));
    }

    @Test
    void feesRecordedOnPrincipalAPaymentDatedBackHadPaidAreTakenBackAtTheNextClose() {
        // after that payment 30,354.41 is open from 10 September: owed through 30 September is
        // (60,000 x 14 + 30,354.41 x 21) x 15.4 % / 365 = 623.359...: 623.36, so 262.67 of the 886.03 recorded is taken back,
        // on 30 September, the day it was recorded (a report as of any day from it finds what is owed), from the fees still
        // open (531.62), none of it paid; October's fees then run on from what is owed, not from what was recorded:
        // + 30,354.41 x 15.4 % x 31 / 365 = 1,020.378...: 1,020.38, 397.02 more
        LocalDate paidOn = DUE.plusDays(15);
        PaymentRecorded paid = new PaymentRecorded(CUSTOMER, "P2", paidOn, cny("30000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("354.41")), principal("INV-1", "T1", "29645.59")),
                cny("0.00"));
        fixture.given(overdue(accrued(LocalDate.parse("2026-08-31"), "126.58", 5, true), accrued(LocalDate.parse("2026-09-30"), "759.45", 30, true),
                        paid))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(new LateFeesCorrected(CUSTOMER, LocalDate.parse("2026-09-30"), List.of(new LateFeeCorrection("INV-1", "T1",
                                LocalDate.parse("2026-09-30"), cny("886.03"), cny("623.36"), cny("262.67"), cny("0.00"))),
                                "late fees recorded on 2026-09-30 above those owed on the principal as the facts recorded since date it"),
                        accrued(LocalDate.parse("2026-10-31"), "397.02", 31, true));
    }

    @Test
    void aTermPaidInFullBeforeItsDueDateOwesNoFeesWhateverTheClosesHadFixed() {
        // keyed in after the closes had fixed 886.03 on it, the whole 60,000 paid the day before the due date pays no fees
        // (none was owed then) and the next close takes all of them back; the stages and the hold it contradicts go too
        LocalDate paidOn = DUE.minusDays(1);
        fixture.given(overdue(accrued(LocalDate.parse("2026-08-31"), "126.58", 5, true), accrued(LocalDate.parse("2026-09-30"), "759.45", 30, true)))
                .when(new RecordPayment(CUSTOMER, "P2", paidOn, cny("60000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new PaymentRecorded(CUSTOMER, "P2", paidOn, cny("60000.00"), RecordPayment.Method.BANK_TRANSFER,
                                null, List.of(principal("INV-1", "T1", "60000.00")), cny("0.00"))),
                        org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void feesFixedForDaysAPaymentInFullDatedBeforeThemHadPaidAreTakenBackOnTheDaysTheyWereRecorded() {
        // the whole 60,000 paid the day before the due date, keyed in after the closes had fixed 126.58 on 31 August and
        // 759.45 on 30 September: nothing was ever owed, so each is taken back on its own day, none of it paid
        LocalDate paidOn = DUE.minusDays(1);
        String reason = "late fees recorded on %s above those owed on the principal as the facts recorded since date it";
        fixture.given(overdue(accrued(LocalDate.parse("2026-08-31"), "126.58", 5, true), accrued(LocalDate.parse("2026-09-30"), "759.45", 30, true),
                        new PaymentRecorded(CUSTOMER, "P2", paidOn, cny("60000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(principal("INV-1", "T1", "60000.00")), cny("0.00"))))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.sequenceOf(
                        org.hamcrest.Matchers.equalTo(new LateFeesCorrected(CUSTOMER, LocalDate.parse("2026-08-31"), List.of(new LateFeeCorrection(
                                "INV-1", "T1", LocalDate.parse("2026-08-31"), cny("126.58"), cny("0.00"), cny("126.58"), cny("0.00"))),
                                reason.formatted("2026-08-31"))),
                        org.hamcrest.Matchers.equalTo(new LateFeesCorrected(CUSTOMER, LocalDate.parse("2026-09-30"), List.of(new LateFeeCorrection(
                                "INV-1", "T1", LocalDate.parse("2026-09-30"), cny("759.45"), cny("0.00"), cny("759.45"), cny("0.00"))),
                                reason.formatted("2026-09-30"))))));
    }

    @Test
    void eachFixAPaymentDatedBackMakesTooHighIsTakenBackOnItsOwnDay() {
        // 1,000.00 due 1 June 2024 at the legal 15.4 % a year (0.4219... a day, below the contract's 0.50): the closes fixed
        // 126.58 through day 300 and 126.57 more through day 600 (253.15 in all); then 500.00 paid on day 100 is keyed in.
        // Owed through day 300: (99 x 1,000 + 201 x 500) x 15.4 % / 365 = 84.17; through day 600: (99 x 1,000 + 501 x 500)
        // x 15.4 % / 365 = 147.46. So 42.41 is taken back on day 300's date, and of the 84.17 + 126.57 = 210.74 then
        // recorded through day 600, 63.28 on day 600's: a report as of either day finds what is owed on it
        LocalDate due = LocalDate.parse("2024-06-01");
        String reason = "late fees recorded on %s above those owed on the principal as the facts recorded since date it";
        LocalDate day300 = due.plusDays(300);
        LocalDate day600 = due.plusDays(600);
        fixture.given(registered(), contractWithStagedTerms(), new io.collectionsledger.contracts.receivable.InvoiceIssued(CUSTOMER, "INV-9", CONTRACT,
                                due.minusDays(30), cny("1000.00"), List.of(new io.collectionsledger.contracts.receivable.InvoiceTerm("T1", cny("1000.00"), due)),
                                List.of(), null),
                        new LateFeesAccrued(CUSTOMER, day300, List.of(new LateFeeAccrual("INV-9", "T1", cny("126.58"), 300, day300, true))),
                        new LateFeesAccrued(CUSTOMER, day600, List.of(new LateFeeAccrual("INV-9", "T1", cny("126.57"), 300, day600, true))),
                        new PaymentRecorded(CUSTOMER, "P9", due.plusDays(100), cny("500.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(principal("INV-9", "T1", "500.00")), cny("0.00")))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.sequenceOf(
                        org.hamcrest.Matchers.equalTo(new LateFeesCorrected(CUSTOMER, day300, List.of(new LateFeeCorrection(
                                "INV-9", "T1", day300, cny("126.58"), cny("84.17"), cny("42.41"), cny("0.00"))), reason.formatted(day300))),
                        org.hamcrest.Matchers.equalTo(new LateFeesCorrected(CUSTOMER, day600, List.of(new LateFeeCorrection(
                                "INV-9", "T1", day600, cny("210.74"), cny("147.46"), cny("63.28"), cny("0.00"))), reason.formatted(day600))))));
    }

    @Test
    void feesAPaymentDatedLaterPaidStayPaidWhenAnEarlierPaymentKeyedInAfterItLowersThePrincipal() {
        // INV-F 1,000.00 under the contract (the legal 15.4 % a year holds it) and INV-N 1,000.00 under none, both due 1 November.
        // PAY-N, dated 5 November, fixes INV-F's fees through the 4th (3 days) on 1,000.00: 1,000 x 15.4 % x 3 / 365 = 1.27. Then
        // PAY-F1 of 500.00, dated 31 October, is keyed in (no fees were owed then), and PAY-F2 of 300.00, dated 8 November: owed
        // through the 7th (6 days) on 500.00 is 500 x 15.4 % x 6 / 365 = 1.27, which it pays first, fixing that day though nothing
        // more is owed than was recorded. The close restates: through the 4th 0.63 is owed, so 0.64 is taken back on the 5th,
        // none of it paid by then (PAY-F2 is dated later); through the 7th 1.27 is owed, so 0.64 is accrued again on the 8th.
        // Nothing becomes credit: the 1.27 PAY-F2 paid was owed on its date
        LocalDate due = LocalDate.parse("2026-11-01");
        LocalDate fifth = LocalDate.parse("2026-11-05");
        LocalDate eighth = LocalDate.parse("2026-11-08");
        String reason = "late fees recorded on %s above those owed on the principal as the facts recorded since date it";
        fixture.given(registered(), contractWithStagedTerms(),
                        new io.collectionsledger.contracts.receivable.InvoiceIssued(CUSTOMER, "INV-F", CONTRACT, due.minusDays(30), cny("1000.00"),
                                List.of(new io.collectionsledger.contracts.receivable.InvoiceTerm("T1", cny("1000.00"), due)), List.of(), null),
                        new io.collectionsledger.contracts.receivable.InvoiceIssued(CUSTOMER, "INV-N", null, due.minusDays(30), cny("1000.00"),
                                List.of(new io.collectionsledger.contracts.receivable.InvoiceTerm("T1", cny("1000.00"), due)), List.of(), null))
                .andGivenCommands(
                        new RecordPayment(CUSTOMER, "PAY-N", fifth, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(new io.collectionsledger.contracts.payment.AllocationInstruction("INV-N", cny("1000.00")))),
                        new RecordPayment(CUSTOMER, "PAY-F1", LocalDate.parse("2026-10-31"), cny("500.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(new io.collectionsledger.contracts.payment.AllocationInstruction("INV-F", cny("500.00")))),
                        new RecordPayment(CUSTOMER, "PAY-F2", eighth, cny("300.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(new io.collectionsledger.contracts.payment.AllocationInstruction("INV-F", cny("300.00")))))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.sequenceOf(
                        org.hamcrest.Matchers.equalTo(new LateFeesCorrected(CUSTOMER, fifth, List.of(new LateFeeCorrection(
                                "INV-F", "T1", LocalDate.parse("2026-11-04"), cny("1.27"), cny("0.63"), cny("0.64"), cny("0.00"))), reason.formatted(fifth))),
                        org.hamcrest.Matchers.equalTo(new LateFeesAccrued(CUSTOMER, eighth, List.of(new LateFeeAccrual(
                                "INV-F", "T1", cny("0.64"), 0, LocalDate.parse("2026-11-07"), false)))))));
    }

    /** A 60,000.00 term 90 days overdue today, with what time already produced for it besides fees: its stages and the hold. */
    private static List<Object> overdue(Object... facts) {
        List<Object> history = new ArrayList<>(List.of(registered(), contractWithStagedTerms(),
                invoiced("INV-1", "60000.00", DUE.toString()),
                new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("60000.00")),
                new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(31), DUE, CollectionStage.DPD_31_90, cny("45000.00")),
                new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16)));
        history.addAll(List.of(facts));
        return history;
    }

    private static PaymentRecorded paidOn(String paymentId, LocalDate on, String amount) {
        return new PaymentRecorded(CUSTOMER, paymentId, on, cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal("INV-1", "T1", amount)), cny("0.00"));
    }

    private static LateFeesAccrued accrued(LocalDate through, String amount, int days, boolean capped) {
        return new LateFeesAccrued(CUSTOMER, through, List.of(new LateFeeAccrual("INV-1", "T1", cny(amount), days, through, capped)));
    }

    private static LateFeesCorrected corrected(String credited) {
        return new LateFeesCorrected(CUSTOMER, TODAY, List.of(new LateFeeCorrection("INV-1", "T1", TODAY, cny("2025.00"),
                cny("1759.40"), cny("265.60"), cny(credited))), REASON);
    }
}
