package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Late fees accrue day by day on each day's open principal, are summed exactly, rounded once, and stay under both caps. */
class AccruingLateFeesTest {

    private static final LocalDate DUE = LocalDate.of(2025, 10, 1);
    private static final LateFeeTerms HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT = new LateFeeTerms(new BigDecimal("0.05"), BigDecimal.TEN, false);
    private static final LegalLateFeeCaps GENEROUS_LEGAL_CAP = LegalLateFeeCaps.constant(new BigDecimal("36.5"));

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void aMonthOverdueCostsTheDailyRateOnTheOpenPrincipalForEachDay() {
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), Map.of(), HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, GENEROUS_LEGAL_CAP);

        AccruingLateFees.Accrued october = fees.after(cny("0"), null, LocalDate.of(2025, 10, 31));

        assertThat(october.amount()).isEqualTo(cny("150.00"));
        assertThat(october.days()).isEqualTo(30);
        assertThat(october.accruedThrough()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(october.capped()).isFalse();
        assertThat(october.capReachedOn()).isNull();
    }

    @Test
    void theDaysAreSummedExactlyAndRoundedOnceNotDayByDay() {
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("333.33"), Map.of(), HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, GENEROUS_LEGAL_CAP);

        // 0.166665 a day: three days are 0.499995, 0.50 (rounding each day would have made 0.51)
        assertThat(fees.after(cny("0"), null, DUE.plusDays(3)).amount()).isEqualTo(cny("0.50"));
    }

    @Test
    void aPaymentLowersTheFeesFromItsBusinessDate() {
        Map<LocalDate, Money> paidHalfOnTheTenthDay = Map.of(DUE.plusDays(10), cny("-5000.00"));
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), paidHalfOnTheTenthDay, HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT,
                GENEROUS_LEGAL_CAP);

        // nine days on 10,000 (5.00 a day), then from the payment's day on 5,000 (2.50 a day): 45.00 + 21 × 2.50
        assertThat(fees.after(cny("0"), null, DUE.plusDays(30)).amount()).isEqualTo(cny("97.50"));
    }

    @Test
    void feesStopTheDayTheyReachTheContractsCapAndSaySo() {
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("1000.00"), Map.of(), new LateFeeTerms(new BigDecimal("0.05"), BigDecimal.ONE, false),
                GENEROUS_LEGAL_CAP);

        AccruingLateFees.Accrued month = fees.after(cny("0"), null, DUE.plusDays(30));
        assertThat(month.amount()).isEqualTo(cny("10.00"));
        assertThat(month.capped()).isTrue();
        assertThat(month.capReachedOn()).isEqualTo(DUE.plusDays(20));

        AccruingLateFees.Accrued after = fees.after(cny("10.00"), DUE.plusDays(20), DUE.plusDays(60));
        assertThat(after.amount()).isEqualTo(cny("0.00"));
        assertThat(after.capReachedOn()).isNull();
    }

    @Test
    void theLegalCapIsAnAnnualRateOnThePrincipalOverdueOnEachDay() {
        // a 60,000 term with 45,000 overdue for 90 days: 0.05 % a day is 18.25 % a year, above the legal 15.4 %
        Map<LocalDate, Money> paidAQuarterWhenDue = Map.of(DUE, cny("-15000.00"));
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("60000.00"), paidAQuarterWhenDue, HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT,
                LegalLateFeeCaps.constant(new BigDecimal("15.4")));

        AccruingLateFees.Accrued quarter = fees.after(cny("0"), null, DUE.plusDays(90));

        // 45,000 × 15.4 % / 365 × 90 = 1,708.767...
        assertThat(quarter.amount()).isEqualTo(cny("1708.77"));
        assertThat(quarter.capped()).isTrue();
        assertThat(quarter.capReachedOn()).isNull();
        assertThat(fees.legalCap(DUE.plusDays(90))).isEqualTo(cny("1708.77"));
    }

    @Test
    void onlyTheDaysAfterThoseRecordedAccrue() {
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), Map.of(), HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, GENEROUS_LEGAL_CAP);

        AccruingLateFees.Accrued november = fees.after(cny("150.00"), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 11, 30));

        assertThat(november.amount()).isEqualTo(cny("150.00"));
        assertThat(november.days()).isEqualTo(30);
        assertThat(fees.after(cny("150.00"), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 10, 31)).amount()).isEqualTo(cny("0.00"));
    }

    @Test
    void aChangeOfTheLegalCapAppliesFromItsDateAndLeavesTheDaysBeforeAlone() {
        // 18.25 % a year is exactly the contract's daily rate; from 11 October the legal cap halves
        LegalLateFeeCaps halvedFromTheEleventh = LegalLateFeeCaps.constant(new BigDecimal("18.25")).with(DUE.plusDays(10), new BigDecimal("9.125"));
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), Map.of(), HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, halvedFromTheEleventh);

        // nine days at 5.00, then 21 days at the legal 2.50
        assertThat(fees.after(cny("0"), null, DUE.plusDays(30)).amount()).isEqualTo(cny("97.50"));
        // recorded at the full rate through the 20th under the old cap, 100.00 against the new 72.50: nothing recorded is taken
        // back here, and nothing more accrues while the legal line (97.50 by the 30th) stays below it; the close's correction
        // takes the 27.50 back, and from 72.50 the later days get the new rate
        assertThat(fees.after(cny("100.00"), DUE.plusDays(20), DUE.plusDays(30)).amount()).isEqualTo(cny("0.00"));
        assertThat(fees.after(cny("72.50"), DUE.plusDays(20), DUE.plusDays(30)).amount()).isEqualTo(cny("25.00"));
    }

    @Test
    void aFixRoundedUpAboveTheLegalLineDoesNotCarryItsFractionIntoTheNextFix() {
        // the demo's INV-001 ACC: 60,000 due 17 March 2026 under 0.05 % a day capped at 30 %, the legal 15.4 % a year lower;
        // 14,278.52 of it paid on 27 March
        LocalDate due = LocalDate.of(2026, 3, 17);
        AccruingLateFees fees = new AccruingLateFees(due, cny("60000.00"), Map.of(LocalDate.of(2026, 3, 27), cny("-14278.52")),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), false), LegalLateFeeCaps.constant(new BigDecimal("15.4")));
        LocalDate march26 = LocalDate.of(2026, 3, 26);
        LocalDate may20 = LocalDate.of(2026, 5, 20);
        LocalDate may31 = LocalDate.of(2026, 5, 31);

        // 60,000 × 15.4 × 9 ÷ 36,500 = 227.8356…, fixed rounded up
        assertThat(fees.after(cny("0"), null, march26).amount()).isEqualTo(cny("227.84"));
        // the legal line through 20 May is 227.8356… + 45,721.48 × 15.4 × 55 ÷ 36,500 = 1,288.8244…: 1,288.82 in all, 1,060.98 more
        // (run on from the 227.84 fixed it would have been 1,288.8288…, a cent above)
        AccruingLateFees.Accrued toMay20 = fees.after(cny("227.84"), march26, may20);
        assertThat(toMay20.amount()).isEqualTo(cny("1060.98"));
        assertThat(fees.cap(may20)).isEqualTo(cny("1288.82"));
        // through 31 May, + 45,721.48 × 15.4 × 11 ÷ 36,500: 1,501.0222…, 212.20 more, the legal cap rounded and no cent above it
        assertThat(fees.after(cny("1288.82"), may20, may31).amount()).isEqualTo(cny("212.20"));
        assertThat(fees.cap(may31)).isEqualTo(cny("1501.02"));
    }

    @Test
    void feesRecordedAboveWhatIsOwedWaitUntilWhatIsOwedPassesThem() {
        // 10,000 at 0.05 % a day (5.00); the legal cap 9.125 % a year (2.50 a day) for ten days, then 36.5 % (10.00 a day)
        LegalLateFeeCaps raisedFromTheEleventh = LegalLateFeeCaps.constant(new BigDecimal("9.125")).with(DUE.plusDays(11), new BigDecimal("36.5"));
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), Map.of(), HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, raisedFromTheEleventh);

        // owed: the legal line's 25.00 through the 10th, then 5.00 a day under the raised line (35.00 on the 11th): 30.00 on
        // the 11th, 45.00 on the 14th, 65.00 on the 18th. 42.00 recorded through the 10th (under an earlier rule) is above
        // what is owed until the 14th: nothing more is fixed before it, and from it only what is owed less the 42.00
        assertThat(fees.after(cny("42.00"), DUE.plusDays(10), DUE.plusDays(11)).amount()).isEqualTo(cny("0.00"));
        assertThat(fees.after(cny("42.00"), DUE.plusDays(10), DUE.plusDays(13)).amount()).isEqualTo(cny("0.00"));
        assertThat(fees.after(cny("42.00"), DUE.plusDays(10), DUE.plusDays(14)).amount()).isEqualTo(cny("3.00"));
        AccruingLateFees.Accrued accrued = fees.after(cny("42.00"), DUE.plusDays(10), DUE.plusDays(18));
        assertThat(accrued.amount()).isEqualTo(cny("23.00"));
        assertThat(accrued.capped()).as("the raised line holds no day of the 11th to the 18th below its fee").isFalse();
        assertThat(fees.after(cny("0"), null, DUE.plusDays(18)).capped()).isTrue();
    }

    @Test
    void roundingDoesNotAddUpFromOneFixToTheNext() {
        // 50.00 at 0.03 % a day (0.015 a day) from the first day past due: 36 days owe 0.54 exactly, however often fixed
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("50.00"), Map.of(),
                new LateFeeTerms(new BigDecimal("0.03"), new BigDecimal("100"), false), GENEROUS_LEGAL_CAP);

        Money first = fees.after(cny("0"), null, DUE.plusDays(5)).amount();
        assertThat(first).isEqualTo(cny("0.08"));
        assertThat(fees.after(first, DUE.plusDays(5), DUE.plusDays(36)).amount()).isEqualTo(cny("0.46"));
        assertThat(fees.owedThrough(DUE.plusDays(36))).isEqualTo(cny("0.54"));
    }

    @Test
    void principalPaidBeforeTheDueDateOwesNoFeesWhateverWasRecordedForItsDays() {
        // 100.00 due, paid in full the day before (a payment dated back): nothing is owed, the 0.10 recorded is all above it
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("100.00"), Map.of(DUE.minusDays(1), cny("-100.00")),
                new LateFeeTerms(new BigDecimal("0.02"), new BigDecimal("1"), false), GENEROUS_LEGAL_CAP);

        assertThat(fees.owedThrough(DUE.plusDays(5))).isEqualTo(cny("0.00"));
        assertThat(fees.after(cny("0.10"), DUE.plusDays(5), DUE.plusDays(30)).amount()).isEqualTo(cny("0.00"));
    }

    @Test
    void nothingAccruesBeforeTheDayAfterTheDueDateNorOnPrincipalPaidInFull() {
        AccruingLateFees fees = new AccruingLateFees(DUE, cny("10000.00"), Map.of(DUE.plusDays(5), cny("-10000.00")),
                HALF_PER_MILLE_A_DAY_CAPPED_AT_TEN_PERCENT, GENEROUS_LEGAL_CAP);

        assertThat(fees.after(cny("0"), null, DUE).days()).isZero();
        assertThat(fees.after(cny("0"), null, DUE.plusDays(60)).amount()).isEqualTo(cny("20.00"));
    }
}
