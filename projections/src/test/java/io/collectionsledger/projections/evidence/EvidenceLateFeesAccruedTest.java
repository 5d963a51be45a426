package io.collectionsledger.projections.evidence;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.evidence.ReceivableReadiness;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.contracts.receivable.Allocation.Component.LATE_FEES;
import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the evidence checklist finds open on a receivable as of any date owes the late fees accrued to
 * that date, though the ledger records them only when it must fix an amount: each day past due, that
 * day's open principal times the contract's daily rate, summed exactly and rounded once, under the
 * contract's cap and the legal cap of each day, after the fees recorded through their last day. The
 * expected amounts are worked out by hand (and were checked against a day-by-day fold in exact
 * fractions, outside the service). The legal cap's schedule is the whole ledger's, so the test has a
 * database of its own, emptied before each test.
 */
class EvidenceLateFeesAccruedTest {

    static final Instant RECORDED = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant LATER = RECORDED.plusSeconds(3600);
    static final Instant LATEST = LATER.plusSeconds(3600);
    static final LocalDate DUE = LocalDate.parse("2026-09-30");
    static final String CUSTOMER = "C-1";
    static JdbcTemplate jdbc;

    EvidenceChecklistProjection projection;
    EventFeed events;

    @BeforeEach
    void setUp() {
        if (jdbc == null) {
            PGSimpleDataSource own = new PGSimpleDataSource();
            own.setUrl(FreshDatabase.another());
            own.setUser(FreshDatabase.user());
            own.setPassword(FreshDatabase.password());
            Flyway.configure().dataSource(own).locations("classpath:db/migration/projections").load().migrate();
            jdbc = new JdbcTemplate(own);
        }
        projection = new EvidenceChecklistProjection(jdbc);
        events = new EventFeed(projection);
        events.reset();
    }

    /** 1,234.57 at 0.05 % a day is 0.617285 a day, from the day after due, rounded once over the days. */
    @Test
    void beforeTheFirstFixTheFeesOfEveryDayPastDueAreOwed() {
        contract("0.05", "10");
        issue("1234.57");

        assertThat(open(DUE, LATEST)).isEqualTo(cny("1234.57"));
        assertThat(open(day("2026-10-01"), LATEST)).isEqualTo(cny("1235.19"));   // 1 day: 0.617285
        assertThat(open(day("2026-10-17"), LATEST)).isEqualTo(cny("1245.06"));   // 17 days: 10.493845
        assertThat(customersOpen(day("2026-10-17"), LATEST)).isEqualTo(cny("1245.06"));
    }

    /**
     * The month's end fixes 31 days, 19.135835 -> 19.14, through 10-31. Payment P-1 of 300.00 on 11-11
     * first fixes 11-01..11-10, 6.17285 -> 6.17, then pays the 25.31 of fees and 274.69 of principal,
     * leaving 959.88, 0.47994 a day from 11-11.
     */
    @Test
    void betweenFixesTheFeesOfTheDaysAfterTheLastFixedDayAreAdded() {
        contract("0.05", "10");
        issue("1234.57");
        fix("2026-10-31", "19.14", "2026-10-31");
        fix("2026-11-11", "6.17", "2026-11-10");
        feed(new PaymentRecorded(CUSTOMER, "P-1", day("2026-11-11"), cny("300.00"), RecordPayment.Method.BANK_TRANSFER, null, List.of(
                new Allocation("INV-1", "T1", LATE_FEES, cny("25.31")), new Allocation("INV-1", "T1", PRINCIPAL, cny("274.69"))), cny("0.00")),
                RECORDED);

        assertThat(open(day("2026-10-31"), LATEST)).isEqualTo(cny("1253.71"));   // 1,234.57 + 19.14
        // owed through 11-05, 36 days from the due date: 22.22226 -> 22.22 (not 19.14 + 3.09: no rounding is carried on)
        assertThat(open(day("2026-11-05"), LATEST)).isEqualTo(cny("1256.79"));
        // 959.88 of principal, the fees paid, + 1 day: 0.47994 -> 0.48
        assertThat(open(day("2026-11-11"), LATEST)).isEqualTo(cny("960.36"));
        // + 10 days (11-11..11-20): 4.7994 -> 4.80
        assertThat(open(day("2026-11-20"), LATEST)).isEqualTo(cny("964.68"));
    }

    /**
     * A cap of 1 % of 1,234.57 is 12.3457: 20 days of 0.617285 reach it exactly, on 10-20, which the
     * ledger fixes at 12.35; no day after adds anything, known or not that the cap was fixed.
     */
    @Test
    void afterTheContractsCapIsReachedNothingMoreAccrues() {
        contract("0.05", "1");
        issue("1234.57");

        assertThat(open(day("2026-10-19"), LATEST)).isEqualTo(cny("1246.30"));   // 19 days: 11.728415
        assertThat(open(day("2026-11-15"), LATEST)).isEqualTo(cny("1246.92"));   // the cap, 12.35

        fix("2026-10-20", "12.35", "2026-10-20");

        assertThat(open(day("2026-11-15"), LATEST)).isEqualTo(cny("1246.92"));
        assertThat(open(day("2027-03-31"), LATEST)).isEqualTo(cny("1246.92"));
    }

    /**
     * The month's end fixed 19.14 through 10-31; a payment of 234.57 of principal dated 10-20 is
     * recorded after it. From 10-20 the principal is 1,000.00, 0.50 a day: what is owed is the sum on the
     * principal as the payment's date has it, from the first day past due; the fees fixed stand until a
     * correction takes back what is above it (here what is owed passes them again by 11-10).
     */
    @Test
    void aPaymentDatedBackLowersTheFeesOfTheDaysFromItsDate() {
        contract("0.05", "10");
        issue("1234.57");
        fix("2026-10-31", "19.14", "2026-10-31");
        feed(new PaymentRecorded(CUSTOMER, "P-1", day("2026-10-20"), cny("234.57"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("234.57"))), cny("0.00")), LATER);

        // 1,000.00 + what is owed through 11-10: 19 days (10-01..10-19) x 0.617285 + 22 days (10-20..11-10) x 0.50 = 22.728415
        // -> 22.73, of which 19.14 was fixed (above the 17.73 owed through 10-31 on the principal the payment lowered)
        assertThat(open(day("2026-11-10"), LATER)).isEqualTo(cny("1022.73"));
        // as known before the payment: 1,234.57 + 19.14 + 10 x 0.617285 = 6.17285 -> 6.17
        assertThat(open(day("2026-11-10"), RECORDED)).isEqualTo(cny("1259.88"));
        // before the fix: 19 days (10-01..10-19) x 0.617285 + 6 days (10-20..10-25) x 0.50 = 14.728415 -> 14.73
        assertThat(open(day("2026-10-25"), LATER)).isEqualTo(cny("1014.73"));
    }

    /**
     * 10,000.00 at 0.05 % a day (5.00) under a legal cap of 10 % a year (2.739726... a day): the month's
     * end fixes 31 days, 84.931506... -> 84.93. Half of it paid, dated back to 10-11, lowers the legal cap
     * through 10-31 to (10 x 10,000 + 21 x 5,000) x 10 % / 365 = 56.164383... -> 56.16, and the next close
     * takes back the 28.77 above it. After the correction the fees through 11-10 are the legal cap of those
     * days, (10 x 10,000 + 31 x 5,000) x 10 % / 365 = 69.863013... -> 69.86.
     */
    @Test
    void aPaymentDatedBackUnderTheLegalCapAndTheCorrectionThatFollows() {
        legalCap("2020-01-01", "10", RECORDED);
        contract("0.05", "10");
        issue("10000.00");
        fix("2026-10-31", "84.93", "2026-10-31");
        feed(new PaymentRecorded(CUSTOMER, "P-1", day("2026-10-11"), cny("5000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("5000.00"))), cny("0.00")), LATER);
        feed(new LateFeesCorrected(CUSTOMER, day("2026-11-02"), List.of(new LateFeeCorrection("INV-1", "T1", day("2026-10-31"),
                cny("84.93"), cny("56.16"), cny("28.77"), cny("0.00"))), "late fees above the legal cap"), LATEST);

        assertThat(open(day("2026-11-10"), LATEST)).isEqualTo(cny("5069.86"));
        // before the correction: the 84.93 recorded sit above the exact legal line (69.86 through 11-10), so the fees wait for
        // the line to pass them and nothing accrues: 5,000.00 + 84.93
        assertThat(open(day("2026-11-10"), LATER)).isEqualTo(cny("5084.93"));
    }

    /**
     * 10,000.00 at 0.05 % a day (5.00) under a legal cap of 10 % a year (2.739726... a day) until 36.5 %
     * (10.00 a day) takes effect on 10-11: 10 days at the old cap, 27.397260..., then 5.00 a day. The
     * month's end fixes 27.397260 + 21 x 5.00 = 132.397260 -> 132.40; after it, 5.00 a day again.
     */
    @Test
    void aChangeOfTheLegalCapMidWayHoldsTheFeesOfTheDaysBeforeItOnly() {
        legalCap("2020-01-01", "10", RECORDED);
        contract("0.05", "10");
        issue("10000.00");
        legalCap("2026-10-11", "36.5", LATER);

        assertThat(open(day("2026-10-20"), LATER)).isEqualTo(cny("10077.40"));     // 27.397260 + 10 x 5.00
        assertThat(open(day("2026-10-20"), RECORDED)).isEqualTo(cny("10054.79"));  // as known before: 20 x 2.739726... = 54.794520...

        fix("2026-10-31", "132.40", "2026-10-31");

        assertThat(open(day("2026-10-31"), LATEST)).isEqualTo(cny("10132.40"));
        assertThat(open(day("2026-11-10"), LATEST)).isEqualTo(cny("10182.40"));    // + 10 x 5.00
    }

    /** The write-off on 10-10 first fixes 10-01..10-09, 5.555565 -> 5.56; from then the 234.57 still open accrues nothing. */
    @Test
    void aWrittenOffInvoiceAccruesNothingFromItsWriteOff() {
        contract("0.05", "10");
        issue("1234.57");
        fix("2026-10-10", "5.56", "2026-10-09");
        feed(new ReceivableWrittenOff(CUSTOMER, "INV-1", "WO-1", day("2026-10-10"), cny("1000.00"), "insolvent",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("1000.00")))), RECORDED);

        assertThat(open(day("2026-10-09"), LATEST)).isEqualTo(cny("1240.13"));
        assertThat(open(day("2026-11-30"), LATEST)).isEqualTo(cny("240.13"));
    }

    private void contract(String dailyRatePercent, String capPercent) {
        feed(new ContractRecorded(CUSTOMER, "K-1", day("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal(dailyRatePercent), new BigDecimal(capPercent), false), null, null), RECORDED);
    }

    private void issue(String amount) {
        feed(new InvoiceIssued(CUSTOMER, "INV-1", "K-1", DUE.minusDays(30), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), DUE)), List.of(), null), RECORDED);
    }

    /** Fees the ledger fixed on a day, for the days through another. */
    private void fix(String on, String amount, String through) {
        feed(new LateFeesAccrued(CUSTOMER, day(on), List.of(new LateFeeAccrual("INV-1", "T1", cny(amount), 0, day(through), false))),
                RECORDED);
    }

    private void legalCap(String effectiveFrom, String annualPercent, Instant recordedAt) {
        events.feed(new LegalLateFeeCapChanged("L-" + effectiveFrom, day(effectiveFrom), new BigDecimal(annualPercent), "the law"), recordedAt);
    }

    private Money open(LocalDate asOf, Instant knownAt) {
        EvidenceChecklist checklist = projection.handle(new EvidenceChecklistQuery(CUSTOMER, "INV-1", asOf, knownAt));
        return checklist.receivables().get(0).open();
    }

    private Money customersOpen(LocalDate asOf, Instant knownAt) {
        EvidenceChecklist checklist = projection.handle(new EvidenceChecklistQuery(CUSTOMER, null, asOf, knownAt));
        return checklist.receivables().stream().map(ReceivableReadiness::open).reduce(Money::plus).orElseThrow();
    }

    private void feed(AccountEvent event, Instant recordedAt) {
        events.feed(event, recordedAt);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
