package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.worklist.PriorityScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The priority score, factor by factor, as its documentation states it. */
class WorklistPriorityTest {

    @ParameterizedTest(name = "{0} open: {1} points")
    @CsvSource({"0.50, 0", "1, 0", "10, 10", "1000, 30", "5000, 36", "9999.99, 39", "1000000, 60"})
    void theAmountGivesTenPointsPerPowerOfTen(String amount, int points) {
        assertThat(score(amount, 0, null, 0, 0, 0).amount()).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} days past due: {1} points")
    @CsvSource({"-5, 0", "0, 0", "1, 0", "3, 1", "30, 10", "31, 10", "90, 30", "91, 30", "360, 120", "2000, 120"})
    void ageGivesAPointPerThreeDaysPastDueUpToAYear(long daysPastDue, int points) {
        assertThat(score("0", daysPastDue, null, 0, 0, 0).age()).isEqualTo(points);
    }

    @ParameterizedTest(name = "limitation in {0} days: {1} points")
    @CsvSource({"-1, 0", "0, 200", "90, 200", "91, 50", "180, 50", "181, 0"})
    void theLimitationDateCountsWhenItIsNear(long daysToLimitation, int points) {
        assertThat(score("0", 1, daysToLimitation, 0, 0, 0).limitation()).isEqualTo(points);
    }

    @Test
    void aLimitationDateWithinNinetyDaysOutweighsAnyAmount() {
        assertThat(score("1", 1, 90L, 0, 0, 0).total()).isGreaterThan(score("999999999999999.99", 1, 181L, 0, 0, 0).total());
    }

    @Test
    void nothingOverdueHasNoLimitationPoints() {
        assertThat(score("100", 0, null, 0, 0, 0).limitation()).isZero();
    }

    @Test
    void brokenPromisesWarningsAndOrderHoldsCountUpToTheirCaps() {
        PriorityScore some = score("0", 0, null, 2, 1, 1);
        PriorityScore many = score("0", 0, null, 9, 9, 9);

        assertThat(some.brokenPromises()).isEqualTo(30);
        assertThat(some.earlyWarnings()).isEqualTo(20);
        assertThat(some.creditRecord()).isEqualTo(10);
        assertThat(many.brokenPromises()).isEqualTo(45);
        assertThat(many.earlyWarnings()).isEqualTo(60);
        assertThat(many.creditRecord()).isEqualTo(30);
    }

    @Test
    void theTotalIsTheSumOfTheParts() {
        PriorityScore score = score("25000", 95, 120L, 1, 2, 3);

        assertThat(score.total()).isEqualTo(score.amount() + score.age() + score.limitation() + score.brokenPromises()
                + score.earlyWarnings() + score.creditRecord());
        assertThat(score.total()).isEqualTo(43 + 31 + 50 + 15 + 40 + 30);
    }

    private static PriorityScore score(String largestOpen, long daysPastDue, Long daysToLimitation, int broken, int warnings, int held) {
        return WorklistPriority.score(new BigDecimal(largestOpen), daysPastDue, daysToLimitation, broken, warnings, held);
    }
}
