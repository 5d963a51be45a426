package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.ledger.DemoCustomer;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo customer (deploy/demo.sh, all of it) loaded on a fixed day, 15 June 2026, its business days closed as the
 * script closes them (one close of today, which judges the promise, records the stages and fixes the late fees through May's end), and its
 * portfolio metrics month by month beside a hand computation from the demo's facts (the README's "the demo customer's
 * metrics" shows the same table). The due dates are the account's: an invoice under the contract takes its staged terms, each
 * due its {@code days} after the invoice date (advance 0, on acceptance 30, after warranty 365).
 * <pre>
 * 2025-05-11  registered; collector-li, tier B
 * 2026-02-15  INV-001 100,000.00: ADV 30,000 due 02-15, ACC 60,000 due 03-17, WAR 10,000 due 2027-02-15
 * 2026-03-27  P-001 45,000.00 (recorded after INV-002): first fixes the late fees through 03-26 on the terms it finds overdue,
 *             each day's open principal × 15.4 % ÷ 365 (the legal cap, below the contract's 0.05 % a day):
 *             INV-001 ADV 30,000 × 39 days (02-16 to 03-26) = 493.64, INV-001 ACC 60,000 × 9 days (03-18 to 03-26) = 227.84;
 *             then to the term due first, costs, fees, principal: ADV 493.64 + 30,000 (40 days past due), ACC 227.84 +
 *             14,278.52 (10 days past due); ACC keeps 45,721.48 open
 * 2026-04-11  INV-002 50,000.00: ADV 15,000 due 04-11, ACC 30,000 due 05-11, WAR 5,000 due 2027-04-11
 * 2026-05-06  contact CT-001 and promise PR-001, 20,000.00 by 05-16; nothing paid from 05-06 to 05-16: broken, dated 05-17
 * 2026-05-21  L-001 states the fees, so it fixes them through 05-20, each day's open principal × 15.4 % ÷ 365, summed
 *             exactly from the first day past due and rounded once, never below what was recorded (AccruingLateFees):
 *             INV-001 ACC 60,000 × 9 days + 45,721.48 × 55 days (03-27 to 05-20) = 1,288.824…, 1,288.82 less the 227.84
 *             recorded (227.835… rounded up) = 1,060.98, INV-002 ADV 15,000 × 39 (04-12 to 05-20) = 246.82,
 *             INV-002 ACC 30,000 × 9 (05-12 to 05-20) = 113.92: 1,421.72
 * 2026-06-15  the close of the day fixes the month's end not yet recorded, 05-31 (11 days, 05-21 to 05-31):
 *             INV-001 ACC 212.20 (1,501.022… in all, 1,501.02), INV-002 ADV 69.62, INV-002 ACC 139.23: 421.05; nothing is
 *             above the legal cap, so nothing is taken back; 06-01 to 06-15 is no fix point, and the metrics count the fees
 *             recorded only, so May adds 1,842.77 of fees and June none
 * </pre>
 */
class DemoMetricsIT {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    /** 10:00 in Shanghai, the ledger's business zone. */
    private static final MovableClock clock = new MovableClock(Instant.parse("2026-06-15T02:00:00Z"));
    private static final String DEMO = "DEMO-1";
    private static RunningService service;
    private static JsonNode metrics;

    @BeforeAll
    static void loadTheDemoOnTheFifteenthOfJune() {
        service = RunningService.start(FreshDatabase.another(), clock);
        new DemoCustomer(service, DEMO, "Hengda Building Materials Co., Ltd.", TODAY).loadAsTheScriptDoes();
        service.send("/admin/close-of-day", "{}");
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
        metrics = get("/portfolio-metrics?from=2025-05-01&to=2026-06-15");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theMonthsFromTheRegistrationToJanuaryHaveNoAmountsAndNoCounts() {
        // May 2025 to June 2026: fourteen months, the last ending on asOf, today
        assertThat(metrics.get("periods")).hasSize(14);
        assertThat(metrics.at("/periods/13/end").asText()).isEqualTo("2026-06-15");
        for (int n = 0; n < 9; n++) {
            JsonNode month = metrics.get("periods").get(n);
            assertThat(month.get("start").asText()).isEqualTo(LocalDate.parse("2025-05-01").plusMonths(n).toString());
            // the registration, the collector, the credit limit, the contract and D1 move no figure
            assertThat(month.get("currencies")).as(month.get("start").asText()).isEmpty();
            assertThat(counts(month)).containsOnly(0L);
        }
    }

    @Test
    void februaryInvoicedOneHundredThousandAndTheAdvanceFellOverdue() {
        JsonNode month = month("2026-02-01");
        JsonNode cny = month.at("/currencies/0");

        assertThat(month.get("end").asText()).isEqualTo("2026-02-28");
        assertThat(money(cny, "openAtStart")).isEqualTo("0.00");
        assertThat(money(cny, "invoiced")).isEqualTo("100000.00");
        // 0 + 100,000 (INV-001, 02-15)
        assertThat(money(cny, "openAtEnd")).isEqualTo("100000.00");
        // ADV's first day past due is 02-16; ACC is due 03-17
        assertThat(money(cny, "overdueAtEnd")).isEqualTo("30000.00");
        // 30,000 × 100 ÷ 100,000
        assertThat(cny.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(cny.get("onTarget").asBoolean()).isFalse();
        // 100,000 open × 28 days ÷ 100,000 invoiced
        assertThat(cny.get("dso").decimalValue()).isEqualByComparingTo("28.0");
        // (0 + 100,000 − 100,000) × 100 ÷ (0 + 100,000 − (100,000 − 30,000) current) = 0 ÷ 30,000
        assertThat(cny.get("ceiPercent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(money(cny, "collected")).isEqualTo("0.00");
        // the cohort: ADV's 30,000 open at its due date; P-001 paid it 40 days past due, in the 31–90 window
        // within 30 days: 0 ÷ 30,000; within 90 and after: 30,000 ÷ 30,000
        assertCurve(cny, "30000.00", "0.00", "0.0000", "30000.00", "1.0000", "30000.00", "1.0000", "30000.00", "1.0000", "30000.00", "1.0000");
        assertThat(counts(month)).containsOnly(0L);
    }

    @Test
    void marchCollectedTheFortyFiveThousandAndTheAcceptanceTermFellOverdue() {
        JsonNode month = month("2026-03-01");
        JsonNode cny = month.at("/currencies/0");

        assertThat(money(cny, "openAtStart")).isEqualTo("100000.00");
        assertThat(money(cny, "invoiced")).isEqualTo("0.00");
        // P-001, 03-27: 30,493.64 on ADV (its fees first) + 14,506.36 on ACC (227.84 of fees, 14,278.52 of principal)
        assertThat(money(cny, "collected")).isEqualTo("45000.00");
        // 100,000 + 721.48 of fees fixed by P-001 through 03-26 − 45,000
        assertThat(money(cny, "openAtEnd")).isEqualTo("55721.48");
        // 30,000 (ADV) + 60,000 (ACC from 03-18) + 721.48 fees − 45,000 paid: ACC's 45,721.48; WAR's 10,000 is not due
        assertThat(money(cny, "overdueAtEnd")).isEqualTo("45721.48");
        // 45,721.48 × 100 ÷ 55,721.48 = 82.053…
        assertThat(cny.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("82.05");
        // nothing invoiced: no DSO
        assertThat(cny.path("dso").isMissingNode()).isTrue();
        // the fees are billed: (100,000 + 0 + 721.48 − 55,721.48) × 100 ÷ (100,000 + 721.48 − (55,721.48 − 45,721.48))
        // = 45,000 ÷ 90,721.48 = 49.602…
        assertThat(cny.get("ceiPercent").decimalValue()).isEqualByComparingTo("49.60");
        // the cohort: ACC's 60,000 of principal, first past due 03-18; 14,278.52 of it paid 10 days past due, in the first
        // window (P-001's 227.84 of fees before it are not principal): 14,278.52 ÷ 60,000 = 0.23797… in every window
        assertCurve(cny, "60000.00", "14278.52", "0.2380", "14278.52", "0.2380", "14278.52", "0.2380", "14278.52", "0.2380", "14278.52", "0.2380");
        assertThat(counts(month)).containsOnly(0L);
    }

    @Test
    void aprilInvoicedFiftyThousandAndItsAdvanceFellOverdueTheSameDay() {
        JsonNode month = month("2026-04-01");
        JsonNode cny = month.at("/currencies/0");

        assertThat(money(cny, "openAtStart")).isEqualTo("55721.48");
        assertThat(money(cny, "invoiced")).isEqualTo("50000.00");
        // 55,721.48 + 50,000 (INV-002, 04-11); no fees fixed in April (the close fixes month ends only when it runs, on 06-15,
        // and L-001 has fixed them through 05-20 by then)
        assertThat(money(cny, "openAtEnd")).isEqualTo("105721.48");
        // 45,721.48 + INV-002 ADV's 15,000 from 04-12
        assertThat(money(cny, "overdueAtEnd")).isEqualTo("60721.48");
        // 60,721.48 × 100 ÷ 105,721.48 = 57.435…
        assertThat(cny.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("57.44");
        // 105,721.48 × 30 days ÷ 50,000 = 63.43…
        assertThat(cny.get("dso").decimalValue()).isEqualByComparingTo("63.4");
        // (55,721.48 + 50,000 − 105,721.48) × 100 ÷ (55,721.48 + 50,000 − (105,721.48 − 60,721.48)) = 0 ÷ 60,721.48
        assertThat(cny.get("ceiPercent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(money(cny, "collected")).isEqualTo("0.00");
        // the cohort: INV-002 ADV's 15,000, first past due 04-12, nothing of it paid
        assertCurve(cny, "15000.00", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000");
        assertThat(counts(month)).containsOnly(0L);
    }

    @Test
    void mayHadOneContactOnePromiseAndThatPromiseBroken() {
        JsonNode month = month("2026-05-01");
        JsonNode cny = month.at("/currencies/0");

        assertThat(money(cny, "openAtStart")).isEqualTo("105721.48");
        // + the fees fixed by L-001 through 05-20 (1,421.72) and by the close through 05-31 (421.05)
        assertThat(money(cny, "openAtEnd")).isEqualTo("107564.25");
        // 60,721.48 + INV-002 ACC's 30,000 from 05-12 + 1,842.77 of fees, each owed on a term already past due
        assertThat(money(cny, "overdueAtEnd")).isEqualTo("92564.25");
        // 92,564.25 × 100 ÷ 107,564.25 = 86.054…
        assertThat(cny.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("86.05");
        assertThat(cny.path("dso").isMissingNode()).isTrue();
        // the fees are billed: (105,721.48 + 1,842.77 − 107,564.25) × 100 ÷ (105,721.48 + 1,842.77 − (107,564.25 − 92,564.25))
        // = 0 ÷ 92,564.25
        assertThat(cny.get("ceiPercent").decimalValue()).isEqualByComparingTo("0.00");
        // the cohort: INV-002 ACC's 30,000, first past due 05-12, nothing of it paid
        assertCurve(cny, "30000.00", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000", "0.00", "0.0000");
        // CT-001 and PR-001 on 05-06: 1 promise ÷ 1 contact
        assertThat(month.get("contactAttempts").asLong()).isEqualTo(1);
        assertThat(month.get("promisesMade").asLong()).isEqualTo(1);
        assertThat(month.get("ptpRate").decimalValue()).isEqualByComparingTo("1.0000");
        // PR-001 counts in the month of its promised date, 05-16: broken; 0 kept ÷ 1 judged
        assertThat(month.get("promisesJudged").asLong()).isEqualTo(1);
        assertThat(month.get("promisesBroken").asLong()).isEqualTo(1);
        assertThat(month.get("promisesKept").asLong()).isZero();
        assertThat(month.get("promisesPartiallyKept").asLong()).isZero();
        assertThat(month.get("keptPromiseRate").decimalValue()).isEqualByComparingTo("0.0000");
        assertThat(month.get("disputesOpened").asLong()).isZero();
        assertThat(month.path("disputeDaysOpen").isMissingNode()).isTrue();
    }

    @Test
    void juneToTheFifteenthRecordedNoLateFeesAndCollectedNothing() {
        JsonNode month = month("2026-06-01");
        JsonNode cny = month.at("/currencies/0");

        assertThat(month.get("end").asText()).isEqualTo("2026-06-15");
        assertThat(money(cny, "openAtStart")).isEqualTo("107564.25");
        // the fees of 06-01 to 06-15 accrue but are not recorded (no month's end, payment or letter fixes them), and the
        // metrics count recorded fees only; no fee was fixed above the legal cap rounded, so the close takes nothing back
        assertThat(money(cny, "openAtEnd")).isEqualTo("107564.25");
        assertThat(money(cny, "overdueAtEnd")).isEqualTo("92564.25");
        // 92,564.25 × 100 ÷ 107,564.25 = 86.054…
        assertThat(cny.get("overdueRatePercent").decimalValue()).isEqualByComparingTo("86.05");
        assertThat(cny.path("dso").isMissingNode()).isTrue();
        // (107,564.25 + 0 − 107,564.25) × 100 ÷ (107,564.25 + 0 − (107,564.25 − 92,564.25)) = 0 ÷ 92,564.25
        assertThat(cny.get("ceiPercent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(money(cny, "collected")).isEqualTo("0.00");
        // no term fell due in June: no cohort, no shares
        assertThat(money(cny.get("recovery"), "becameOverdue")).isEqualTo("0.00");
        assertThat(cny.at("/recovery/points/0/share").isMissingNode()).isTrue();
        assertThat(counts(month)).containsOnly(0L);
    }

    @Test
    void everyFactCountsUnderCollectorLiAndTierBAssignedBeforeAnyOfThem() {
        List<JsonNode> overall = withoutGroup(metrics.get("periods")).subList(9, 14);

        assertThat(withoutGroup(get("/portfolio-metrics?from=2025-05-01&to=2026-06-15&by=collector").get("periods"))).isEqualTo(overall);
        assertThat(withoutGroup(get("/portfolio-metrics?from=2025-05-01&to=2026-06-15&by=tier").get("periods"))).isEqualTo(overall);
        assertThat(get("/portfolio-metrics?from=2026-02-01&to=2026-06-15&by=collector").findValuesAsText("group")).containsOnly("collector-li");
        assertThat(get("/portfolio-metrics?from=2026-02-01&to=2026-06-15&by=tier").findValuesAsText("group")).containsOnly("B");
    }

    @Test
    void theReadmesExportByTierHasJuneAsComputedByHand() {
        String csv = service.http().get().uri("/portfolio-metrics.csv?from=2026-01-01&to=2026-06-30&by=tier").retrieve().body(String.class);

        // start, end, group, currency, open at start and end, overdue, rate, on target, invoiced, collected, credited, written off,
        // recovered, DSO (none), CEI, became overdue
        assertThat(csv).contains("2026-06-01,2026-06-15,B,CNY,107564.25,107564.25,92564.25,86.05,false,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,");
    }

    private static JsonNode get(String path) {
        return service.http().get().uri(path).retrieve().body(JsonNode.class);
    }

    private static JsonNode month(String start) {
        for (JsonNode period : metrics.get("periods")) {
            if (period.get("start").asText().equals(start)) {
                assertThat(period.get("currencies")).hasSize(1);
                assertThat(period.at("/currencies/0/currency").asText()).isEqualTo("CNY");
                // nothing was credited, written off or recovered in the demo
                for (String none : List.of("credited", "writtenOff", "recoveredAfterWriteOff")) {
                    assertThat(money(period.at("/currencies/0"), none)).as(none).isEqualTo("0.00");
                }
                return period;
            }
        }
        throw new AssertionError("no period starting " + start);
    }

    private static String money(JsonNode parent, String field) {
        assertThat(parent.at("/" + field + "/currency").asText()).isEqualTo("CNY");
        return parent.at("/" + field + "/amount").asText();
    }

    /** The cohort, then what of it was collected and its share within 30, 90, 180, 365 and 730 days past due. */
    private static void assertCurve(JsonNode cny, String cohort, String... collectedAndShare) {
        JsonNode recovery = cny.get("recovery");
        assertThat(money(recovery, "becameOverdue")).isEqualTo(cohort);
        assertThat(recovery.findValuesAsText("withinDaysPastDue")).containsExactly("30", "90", "180", "365", "730");
        for (int n = 0; n < 5; n++) {
            JsonNode point = recovery.get("points").get(n);
            assertThat(money(point, "collected")).isEqualTo(collectedAndShare[2 * n]);
            assertThat(point.get("share").decimalValue()).isEqualByComparingTo(collectedAndShare[2 * n + 1]);
        }
    }

    private static List<Long> counts(JsonNode month) {
        List<Long> counts = new ArrayList<>();
        for (String count : List.of("contactAttempts", "promisesMade", "promisesJudged", "promisesKept", "promisesPartiallyKept",
                "promisesBroken", "disputesOpened", "disputesResolved")) {
            counts.add(month.get(count).asLong());
        }
        return counts;
    }

    private static List<JsonNode> withoutGroup(JsonNode periods) {
        List<JsonNode> rows = new ArrayList<>();
        periods.forEach(period -> rows.add(((ObjectNode) period.deepCopy()).without("group")));
        return rows;
    }
}
