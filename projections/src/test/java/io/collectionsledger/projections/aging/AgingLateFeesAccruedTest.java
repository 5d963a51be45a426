package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late fees are recorded only when the ledger must fix an amount (a payment, a letter, a write-off, a
 * month's end, a cap reached), yet the aging report as of any date owes the fees accrued to that date:
 * each day past due, that day's open principal times the contract's daily rate, summed and rounded once,
 * under the contract's cap. The expected amounts are worked out by hand in each test.
 */
class AgingLateFeesAccruedTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-09-30");
    static DataSource dataSource;

    AgingProjection projection;
    String customer;
    int events;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new AgingProjection(new JdbcTemplate(dataSource));
        customer = "C-" + UUID.randomUUID();
    }

    /** 1,234.57 at 0.05 % a day is 0.617285 a day: rounded once, not day by day (0.62 a day would make 3 days 1.86). */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({
            "2026-09-30, 1234.57",   // the due date itself: nothing accrued
            "2026-10-01, 1235.19",   // 1 day: 0.617285 -> 0.62
            "2026-10-03, 1236.42",   // 3 days: 1.851855 -> 1.85
            "2026-10-10, 1240.74",   // 10 days: 6.17285 -> 6.17
            "2026-10-17, 1245.06"})  // 17 days: 10.493845 -> 10.49
    void aTermOverdueForPartOfAMonthWithNoFeeRecordedOwesTheFeesOfEachDay(LocalDate asOf, String owed) {
        contract("K-1", "0.05", "10");
        issue("INV-1", "K-1", "1234.57");

        assertThat(total(asOf)).isEqualTo(owed);
        assertThat(report(asOf).terms()).singleElement().satisfies(line -> assertThat(line.open()).isEqualTo(cny(owed)));
    }

    /**
     * Fees recorded at the month's end (31 days: 19.135835 -> 19.14); owed through any later day is the exact sum
     * from the first day past due, rounded once. A credit note of 234.57 on 11 November leaves 1,000.00 of principal,
     * 0.50 a day, from that day.
     */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({
            "2026-10-31, 1253.71",   // 1,234.57 + 19.14 recorded
            "2026-11-01, 1254.32",   // 32 x 0.617285 = 19.75312 (not 19.14 + 0.62: the rounding is not carried on)
            "2026-11-10, 1259.88",   // 41 days: 25.308685 -> 25.31
            "2026-11-11, 1025.81",   // - 234.57; 25.308685 + 0.50 = 25.808685 -> 25.81
            "2026-11-20, 1030.31"})  // 1,000.00 + 25.308685 + 10 x 0.50 = 30.308685 -> 30.31
    void afterTheLastRecordedDayFeesAccrueOnEachDaysOpenPrincipal(LocalDate asOf, String owed) {
        contract("K-1", "0.05", "10");
        issue("INV-1", "K-1", "1234.57");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("19.14"), 31, LocalDate.parse("2026-10-31"), false))));
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("234.57"), "short delivery",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("234.57")))));

        assertThat(total(asOf)).isEqualTo(owed);
    }

    /** A cap of 1 % of 1,234.57 is 12.3457 -> 12.35: reached on the 20th day. */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({
            "2026-10-19, 1246.30",   // 19 days: 11.728415 -> 11.73
            "2026-10-20, 1246.92",   // 20 days: 12.3457 -> 12.35
            "2026-10-21, 1246.92",   // 21 days: 12.962985 -> 12.96, capped at 12.35
            "2026-12-31, 1246.92"})
    void feesNeverPassTheContractsCap(LocalDate asOf, String owed) {
        contract("K-1", "0.05", "1");
        issue("INV-1", "K-1", "1234.57");

        assertThat(total(asOf)).isEqualTo(owed);
    }

    @Test
    void feesRecordedCountAgainstTheCap() {
        contract("K-1", "0.05", "1");
        issue("INV-1", "K-1", "1234.57");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-15"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("9.26"), 15, LocalDate.parse("2026-10-15"), false))));

        // 9.26 recorded; 10 days more would be 6.17, the cap leaves 12.35 - 9.26 = 3.09
        assertThat(total(LocalDate.parse("2026-10-25"))).isEqualTo("1246.92");
        // 2 days more: 1.23457 -> 1.23
        assertThat(total(LocalDate.parse("2026-10-17"))).isEqualTo("1245.06");
    }

    @Test
    void noFeesAccrueUnderAContractWithoutLateFeeTermsNorOnAnInvoiceWithoutContract() {
        at(new ContractRecorded(customer, "K-0", LocalDate.parse("2026-01-01"), List.of(), List.of(), null, null, null));
        issue("INV-1", "K-0", "1000.00");
        issue("INV-2", null, "500.00");

        assertThat(total(LocalDate.parse("2026-11-30"))).isEqualTo("1500.00");
    }

    @Test
    void aWrittenOffInvoiceAccruesNothingFromItsWriteOff() {
        contract("K-1", "0.05", "10");
        issue("INV-1", "K-1", "1234.57");
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-10"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("6.17"), 10, LocalDate.parse("2026-10-10"), false))));
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", LocalDate.parse("2026-10-10"), cny("1000.00"), "insolvent",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("1000.00")))));

        // 234.57 of principal and the 6.17 recorded stay open; no fee accrues on them
        assertThat(total(LocalDate.parse("2026-11-30"))).isEqualTo("240.74");
        // before the write-off and the fees it fixed: 9 days, 5.555565 -> 5.56
        assertThat(total(LocalDate.parse("2026-10-09"))).isEqualTo("1240.13");
    }

    @Test
    void theFeesAccruedStandInTheBucketOfTheTermsAgeAndInThePortfolio() {
        contract("K-1", "0.05", "10");
        issue("INV-1", "K-1", "1234.57");
        LocalDate asOf = LocalDate.parse("2026-10-10");

        AgingReport portfolio = projection.handle(new AgingReportQuery(asOf, NOW, null, null));

        assertThat(portfolio.customers()).filteredOn(row -> row.customerId().equals(customer)).singleElement()
                .satisfies(row -> assertThat(row.buckets().get(1)).isEqualTo(cny("1240.74")));
    }

    private void contract(String contractId, String dailyRatePercent, String capPercent) {
        at(new ContractRecorded(customer, contractId, LocalDate.parse("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal(dailyRatePercent), new BigDecimal(capPercent), false), null, null));
    }

    private void issue(String invoiceId, String contractId, String amount) {
        at(new InvoiceIssued(customer, invoiceId, contractId, DUE.minusDays(30), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), DUE)), List.of(), null));
    }

    private String total(LocalDate asOf) {
        return report(asOf).customers().stream().map(row -> row.total().amount().toPlainString()).findFirst().orElse("0.00");
    }

    private AgingReport report(LocalDate asOf) {
        return projection.handle(new AgingReportQuery(asOf, NOW, customer, null));
    }

    void at(Object event) {
        AgingFeed.feed(projection, event, NOW.minusSeconds(3600), customer + "-" + events++);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
