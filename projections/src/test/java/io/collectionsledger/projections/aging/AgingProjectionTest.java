package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReport;
import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.aging.AgingRow;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/** The aging report fed events directly, on a real PostgreSQL; the edges domain.md §4 and the issue name. */
class AgingProjectionTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
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

    @ParameterizedTest(name = "due {0} days before the report: {1}")
    @CsvSource({"0, current", "-5, current", "1, 1-30", "30, 1-30", "31, 31-60", "60, 31-60", "61, 61-90", "90, 61-90",
            "91, 91-180", "180, 91-180", "181, 181-365", "365, 181-365", "366, over 365"})
    void eachBoundaryDayFallsInItsBucket(int daysPastDue, String bucket) {
        issue("INV-1", "100.00", "CNY", AS_OF.minusDays(daysPastDue));

        AgingReport report = report(AS_OF, NOW);

        assertThat(amountIn(report.customers().get(0), report, bucket)).isEqualTo("100.00");
        assertThat(report.terms()).singleElement().satisfies(line -> assertThat(line.bucket()).isEqualTo(bucket));
    }

    @Test
    void stagedTermsAgeEachFromItsOwnDueDate() {
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-06-01"), cny("1000.00"), List.of(
                new InvoiceTerm("ADV", cny("300.00"), LocalDate.parse("2026-06-01")),
                new InvoiceTerm("ACC", cny("600.00"), LocalDate.parse("2026-10-31")),
                new InvoiceTerm("WAR", cny("100.00"), LocalDate.parse("2027-06-01"))), List.of(), null), NOW);

        AgingRow row = report(AS_OF, NOW).customers().get(0);

        assertThat(row.buckets()).extracting(m -> m.amount().toPlainString())
                .containsExactly("100.00", "600.00", "0.00", "0.00", "300.00", "0.00", "0.00");
        assertThat(row.total()).isEqualTo(cny("1000.00"));
    }

    @Test
    void partialPaymentsAcrossInvoicesReduceEachTerm() {
        issue("INV-1", "300.00", "CNY", LocalDate.parse("2026-10-01"));
        issue("INV-2", "500.00", "CNY", LocalDate.parse("2026-11-10"));
        at(payment("P1", "2026-11-20", "400.00", List.of(principal("INV-1", "300.00"), principal("INV-2", "100.00")), "0.00"), NOW);

        AgingRow row = report(AS_OF, NOW).customers().get(0);

        assertThat(row.total()).isEqualTo(cny("400.00"));
        assertThat(amountIn(row, report(AS_OF, NOW), "1-30")).isEqualTo("400.00");
    }

    @Test
    void aPaymentDatedAfterTheReportDateDoesNotCountNorAnInvoiceIssuedAfterIt() {
        issue("INV-1", "300.00", "CNY", LocalDate.parse("2026-10-01"));
        at(payment("P1", "2026-11-25", "300.00", List.of(principal("INV-1", "300.00")), "0.00"), NOW);
        at(new InvoiceIssued(customer, "INV-2", null, LocalDate.parse("2026-11-25"), cny("50.00"),
                List.of(new InvoiceTerm("T1", cny("50.00"), LocalDate.parse("2026-12-25"))), List.of(), null), NOW);

        assertThat(report(AS_OF, NOW).customers().get(0).total()).isEqualTo(cny("300.00"));
        assertThat(report(AS_OF.plusDays(1), NOW).customers().get(0).total()).isEqualTo(cny("50.00"));
    }

    @Test
    void aBackdatedPaymentRecordedLaterChangesTheReportOnlyAsKnownFromThen() {
        issue("INV-1", "300.00", "CNY", LocalDate.parse("2026-10-01"));
        Instant recordedLater = NOW.plusSeconds(3600);
        at(payment("P1", "2026-11-01", "300.00", List.of(principal("INV-1", "300.00")), "0.00"), recordedLater);

        assertThat(report(AS_OF, NOW).customers().get(0).total()).isEqualTo(cny("300.00"));
        assertThat(report(AS_OF, recordedLater).customers()).isEmpty();
    }

    @Test
    void aReversedPaymentReopensWhatItPaidAndACreditNoteReducesIt() {
        issue("INV-1", "300.00", "CNY", LocalDate.parse("2026-10-01"));
        at(payment("P1", "2026-11-01", "500.00", List.of(principal("INV-1", "300.00")), "200.00"), NOW);
        at(new PaymentReversed(customer, "P1", LocalDate.parse("2026-11-10"), "bounced", cny("500.00"),
                List.of(principal("INV-1", "300.00")), cny("200.00")), NOW);
        at(new CreditNoteIssued(customer, "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("50.00"), "damage",
                List.of(principal("INV-1", "50.00"))), NOW);

        AgingRow row = report(AS_OF, NOW).customers().get(0);

        assertThat(row.total()).isEqualTo(cny("250.00"));
        assertThat(row.unappliedCredit()).isEqualTo(cny("0.00"));
        assertThat(report(LocalDate.parse("2026-11-05"), NOW).customers().get(0).unappliedCredit()).isEqualTo(cny("200.00"));
    }

    @Test
    void lateFeesTakenBackLeaveTheTermAndWhatHadPaidThemIsCredit() {
        issue("INV-1", "1000.00", "CNY", LocalDate.parse("2026-10-01"));
        at(new LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("15.00"), 30, LocalDate.parse("2026-10-31"), false))), NOW);
        at(payment("P1", "2026-11-01", "10.00", List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("10.00"))),
                "0.00"), NOW);
        at(new LateFeesCorrected(customer, LocalDate.parse("2026-11-02"), List.of(new LateFeeCorrection("INV-1", "T1",
                LocalDate.parse("2026-10-31"), cny("15.00"), cny("6.00"), cny("9.00"), cny("4.00"))), "above the legal cap"), NOW);

        AgingRow row = report(AS_OF, NOW).customers().get(0);

        assertThat(row.total()).isEqualTo(cny("1000.00"));
        assertThat(row.unappliedCredit()).isEqualTo(cny("4.00"));
        assertThat(report(LocalDate.parse("2026-11-01"), NOW).customers().get(0).total()).isEqualTo(cny("1005.00"));
    }

    @Test
    void aDisputedAmountStandsInItsOwnColumnUntilTheDisputeIsResolved() {
        issue("INV-1", "1000.00", "CNY", LocalDate.parse("2026-10-01"));
        at(new DisputeRaised(customer, "DSP-1", LocalDate.parse("2026-11-01"), "INV-1", cny("400.00"), DisputeReason.QUALITY, "cracks"), NOW);
        at(new DisputeResolved(customer, "DSP-1", LocalDate.parse("2026-11-20"), "INV-1", cny("400.00"),
                ResolveDispute.Resolution.REJECTED, "cracks from handling on site"), NOW);

        AgingRow during = report(LocalDate.parse("2026-11-10"), NOW).customers().get(0);
        AgingRow after = report(AS_OF, NOW).customers().get(0);

        assertThat(during.disputed()).isEqualTo(cny("400.00"));
        assertThat(during.total()).isEqualTo(cny("1000.00"));
        assertThat(after.disputed()).isEqualTo(cny("0.00"));
        assertThat(after.total()).isEqualTo(cny("1000.00"));
    }

    @Test
    void twoCurrenciesAreNeverSummed() {
        issue("INV-1", "100.00", "CNY", LocalDate.parse("2026-10-01"));
        issue("INV-2", "30.00", "USD", LocalDate.parse("2026-10-01"));

        AgingReport report = report(AS_OF, NOW);

        assertThat(report.customers()).extracting(AgingRow::currency, AgingRow::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CNY", cny("100.00")),
                        org.assertj.core.groups.Tuple.tuple("USD", Money.of("30.00", "USD")));
    }

    @Test
    void writtenOffAmountsAreLeftOut() {
        issue("INV-1", "100.00", "CNY", LocalDate.parse("2026-01-01"));
        at(new ReceivableWrittenOff(customer, "INV-1", "WO-1", LocalDate.parse("2026-11-01"), cny("100.00"), "insolvent",
                List.of(principal("INV-1", "100.00"))), NOW);

        assertThat(report(AS_OF, NOW).customers()).isEmpty();
        assertThat(report(LocalDate.parse("2026-10-31"), NOW).customers().get(0).total()).isEqualTo(cny("100.00"));
    }

    @Test
    void bucketBoundariesCanBeSetPerReport() {
        issue("INV-1", "100.00", "CNY", AS_OF.minusDays(10));

        AgingReport report = projection.handle(new AgingReportQuery(AS_OF, NOW, customer, List.of(7, 14)));

        assertThat(report.buckets()).containsExactly("current", "1-7", "8-14", "over 14");
        assertThat(amountIn(report.customers().get(0), report, "8-14")).isEqualTo("100.00");
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        issue("INV-1", "100.00", "CNY", LocalDate.parse("2026-10-01"));

        projection.reset();

        assertThat(report(AS_OF, NOW).customers()).isEmpty();
    }

    private AgingReport report(LocalDate asOf, Instant knownAt) {
        return projection.handle(new AgingReportQuery(asOf, knownAt, customer, null));
    }

    private static String amountIn(AgingRow row, AgingReport report, String bucket) {
        return row.buckets().get(report.buckets().indexOf(bucket)).amount().toPlainString();
    }

    private void issue(String invoiceId, String amount, String currency, LocalDate due) {
        Money money = Money.of(amount, currency);
        at(new InvoiceIssued(customer, invoiceId, null, due.minusDays(30), money, List.of(new InvoiceTerm("T1", money, due)), List.of(), null), NOW);
    }

    private PaymentRecorded payment(String id, String on, String amount, List<Allocation> allocations, String unapplied) {
        return new PaymentRecorded(customer, id, LocalDate.parse(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                allocations, cny(unapplied));
    }

    /** Feeds one event as the processor would, recorded at the given time. */
    void at(Object event, Instant recordedAt) {
        AgingFeed.feed(projection, event, recordedAt, customer + "-" + events++);
    }

    static Allocation principal(String invoiceId, String amount) {
        return new Allocation(invoiceId, "T1", PRINCIPAL, cny(amount));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
