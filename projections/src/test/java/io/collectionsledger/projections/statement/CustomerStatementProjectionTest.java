package io.collectionsledger.projections.statement;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.statement.OpenItem;
import io.collectionsledger.contracts.statement.StatementOfAccount;
import io.collectionsledger.contracts.statement.StatementOfAccountQuery;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/** The statement read model, fed events directly and queried, on a real PostgreSQL; no Spring context. */
class CustomerStatementProjectionTest {

    private static DataSource dataSource;
    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    private CustomerStatementProjection projection;
    private EventFeed events;
    private String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new CustomerStatementProjection(new JdbcTemplate(dataSource));
        events = new EventFeed(projection);
        customer = "C-" + UUID.randomUUID();
    }

    @Test
    void anIssuedInvoiceShowsEachTermOpen() {
        feed(invoice("INV-1", "1000.00", term("T1", "300.00", "2026-10-01"), term("T2", "700.00", "2026-11-01")));

        CustomerStatement statement = statement();

        assertThat(statement.items()).extracting(OpenItem::termId, i -> i.open().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "300.00"), org.assertj.core.groups.Tuple.tuple("T2", "700.00"));
        assertThat(statement.totalOpen()).containsExactly(Money.of("1000.00", "CNY"));
    }

    @Test
    void paymentsAndCreditNotesReduceWhatIsOpenAndAFullyPaidTermLeavesTheStatement() {
        feed(invoice("INV-1", "1000.00", term("T1", "300.00", "2026-10-01"), term("T2", "700.00", "2026-11-01")));
        feed(payment("P1", "500.00", List.of(principal("INV-1", "T1", "300.00"), principal("INV-1", "T2", "200.00")), "0.00"));
        feed(new CreditNoteIssued(customer, "INV-1", "CN-1", LocalDate.parse("2026-11-02"), Money.of("100.00", "CNY"),
                "damaged", List.of(principal("INV-1", "T2", "100.00"))));

        CustomerStatement statement = statement();

        assertThat(statement.items()).singleElement().satisfies(item -> {
            assertThat(item.termId()).isEqualTo("T2");
            assertThat(item.paid()).isEqualTo(Money.of("200.00", "CNY"));
            assertThat(item.credited()).isEqualTo(Money.of("100.00", "CNY"));
            assertThat(item.open()).isEqualTo(Money.of("400.00", "CNY"));
        });
    }

    @Test
    void aReversedPaymentReopensWhatItPaidAndTakesBackItsExcess() {
        feed(invoice("INV-1", "300.00", term("T1", "300.00", "2026-10-01")));
        feed(payment("P1", "500.00", List.of(principal("INV-1", "T1", "300.00")), "200.00"));
        assertThat(statement().unappliedCredit()).containsExactly(Money.of("200.00", "CNY"));

        feed(new PaymentReversed(customer, "P1", LocalDate.parse("2026-11-03"), "cheque bounced",
                Money.of("500.00", "CNY"), List.of(principal("INV-1", "T1", "300.00")), Money.of("200.00", "CNY")));

        assertThat(statement().items()).singleElement().extracting(OpenItem::open).isEqualTo(Money.of("300.00", "CNY"));
        assertThat(statement().unappliedCredit()).isEmpty();
    }

    @Test
    void unappliedCreditIsAppliedAndRefundedPerCurrency() {
        feed(invoice("INV-1", "300.00", term("T1", "300.00", "2026-10-01")));
        feed(payment("P1", "500.00", List.of(), "500.00"));
        feed(new UnappliedCreditApplied(customer, "A1", LocalDate.parse("2026-11-03"), Money.of("300.00", "CNY"),
                List.of(principal("INV-1", "T1", "300.00")), null));
        feed(new UnappliedCreditRefunded(customer, "R1", LocalDate.parse("2026-11-04"), Money.of("150.00", "CNY"), "bank"));

        CustomerStatement statement = statement();

        assertThat(statement.items()).isEmpty();
        assertThat(statement.unappliedCredit()).containsExactly(Money.of("50.00", "CNY"));
    }

    @Test
    void currenciesAreTotalledApart() {
        feed(invoice("INV-1", "100.00", term("T1", "100.00", "2026-10-01")));
        feed(new InvoiceIssued(customer, "INV-2", null, LocalDate.parse("2026-10-01"), Money.of("10", "JPY"),
                List.of(new InvoiceTerm("T1", Money.of("10", "JPY"), LocalDate.parse("2026-10-31"))), List.of(), null));

        assertThat(statement().totalOpen()).containsExactly(Money.of("100.00", "CNY"), Money.of("10", "JPY"));
    }

    @Test
    void lateFeesAddToWhatIsOpenAndAWriteOffTakesItOff() {
        feed(invoice("INV-1", "1000.00", term("T1", "1000.00", "2026-10-01")));
        feed(new io.collectionsledger.contracts.time.LateFeesAccrued(customer, LocalDate.parse("2026-11-01"), List.of(
                new io.collectionsledger.contracts.time.LateFeeAccrual("INV-1", "T1", Money.of("15.00", "CNY"), 30,
                        LocalDate.parse("2026-10-31"), false))));
        assertThat(statement().totalOpen()).containsExactly(Money.of("1015.00", "CNY"));

        feed(new io.collectionsledger.contracts.writeoff.ReceivableWrittenOff(customer, "INV-1", "WO-1", LocalDate.parse("2026-11-02"),
                Money.of("1015.00", "CNY"), "insolvent", List.of(
                        new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, Money.of("15.00", "CNY")),
                        principal("INV-1", "T1", "1000.00"))));

        assertThat(statement().items()).isEmpty();
    }

    @Test
    void aPaymentPlansInstallmentsReplaceTheTermsTheyCover() {
        feed(invoice("INV-1", "1000.00", term("T1", "1000.00", "2026-10-01")));

        feed(new io.collectionsledger.contracts.promise.PaymentPlanAgreed(customer, "PLAN-1", LocalDate.parse("2026-11-01"),
                List.of("INV-1"), List.of(principal("INV-1", "T1", "1000.00")), List.of(
                new io.collectionsledger.contracts.promise.Installment("I1", Money.of("500.00", "CNY"), Money.of("5.00", "CNY"), LocalDate.parse("2026-12-01")),
                new io.collectionsledger.contracts.promise.Installment("I2", Money.of("500.00", "CNY"), Money.of("5.00", "CNY"), LocalDate.parse("2027-01-01"))),
                false, "plan.pdf"));

        assertThat(statement().items()).extracting(OpenItem::invoiceId, OpenItem::termId, i -> i.open().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PLAN-1", "I1", "505.00"), org.assertj.core.groups.Tuple.tuple("PLAN-1", "I2", "505.00"));
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        feed(invoice("INV-1", "100.00", term("T1", "100.00", "2026-10-01")));

        projection.reset();

        assertThat(statement().items()).isEmpty();
    }

    @Test
    void theStatementOfAccountAsOfADateCountsWhatHappenedByThenAndSplitsLateFeesFromPrincipal() {
        feed(invoice("INV-1", "1000.00", term("T1", "1000.00", "2026-10-01")));
        feed(new io.collectionsledger.contracts.time.LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new io.collectionsledger.contracts.time.LateFeeAccrual("INV-1", "T1", Money.of("15.00", "CNY"), 30,
                        LocalDate.parse("2026-10-31"), false))));
        // the payment goes to the late fees first, then to principal (Civil Code art. 561)
        feed(payment("P1", "115.00", List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, Money.of("15.00", "CNY")),
                principal("INV-1", "T1", "100.00")), "0.00"));
        feed(new io.collectionsledger.contracts.time.LateFeesAccrued(customer, LocalDate.parse("2026-11-02"), List.of(
                new io.collectionsledger.contracts.time.LateFeeAccrual("INV-1", "T1", Money.of("0.90", "CNY"), 2,
                        LocalDate.parse("2026-11-02"), false))));

        StatementOfAccount before = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-10-31"), NOW));
        assertThat(before.items()).singleElement().satisfies(item -> {
            assertThat(item.open()).isEqualTo(Money.of("1015.00", "CNY"));
            assertThat(item.openLateFees()).isEqualTo(Money.of("15.00", "CNY"));
            assertThat(item.openPrincipal()).isEqualTo(Money.of("1000.00", "CNY"));
        });
        StatementOfAccount after = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-02"), NOW));
        assertThat(after.items()).singleElement().satisfies(item -> {
            assertThat(item.paid()).isEqualTo(Money.of("115.00", "CNY"));
            assertThat(item.lateFees()).isEqualTo(Money.of("15.90", "CNY"));
            assertThat(item.openLateFees()).isEqualTo(Money.of("0.90", "CNY"));
            assertThat(item.openPrincipal()).isEqualTo(Money.of("900.00", "CNY"));
        });
        assertThat(projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-08-31"), NOW)).items())
                .as("nothing was issued yet").isEmpty();
    }

    @Test
    void lateFeesTakenBackLeaveTheStatementAndWhatHadPaidThemBecomesCredit() {
        feed(invoice("INV-1", "1000.00", term("T1", "1000.00", "2026-10-01")));
        feed(new io.collectionsledger.contracts.time.LateFeesAccrued(customer, LocalDate.parse("2026-10-31"), List.of(
                new io.collectionsledger.contracts.time.LateFeeAccrual("INV-1", "T1", Money.of("15.00", "CNY"), 30,
                        LocalDate.parse("2026-10-31"), false))));
        feed(payment("P1", "10.00", List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, Money.of("10.00", "CNY"))), "0.00"));
        // the cap through 2026-10-31 was 6.00: 9.00 taken back, of which 5.00 was open and 4.00 paid
        feed(new io.collectionsledger.contracts.time.LateFeesCorrected(customer, LocalDate.parse("2026-11-02"), List.of(
                new io.collectionsledger.contracts.time.LateFeeCorrection("INV-1", "T1", LocalDate.parse("2026-10-31"),
                        Money.of("15.00", "CNY"), Money.of("6.00", "CNY"), Money.of("9.00", "CNY"), Money.of("4.00", "CNY"))),
                "above the legal cap"));

        assertThat(statement().totalOpen()).containsExactly(Money.of("1000.00", "CNY"));
        assertThat(statement().unappliedCredit()).containsExactly(Money.of("4.00", "CNY"));
        StatementOfAccount after = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-02"), NOW));
        assertThat(after.items()).singleElement().satisfies(item -> {
            assertThat(item.lateFees()).isEqualTo(Money.of("6.00", "CNY"));
            assertThat(item.paid()).isEqualTo(Money.of("6.00", "CNY"));
            assertThat(item.openLateFees()).isEqualTo(Money.of("0.00", "CNY"));
            assertThat(item.open()).isEqualTo(Money.of("1000.00", "CNY"));
        });
        assertThat(after.unappliedCredit()).containsExactly(Money.of("4.00", "CNY"));
        StatementOfAccount before = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-01"), NOW));
        assertThat(before.items()).singleElement().satisfies(item -> assertThat(item.openLateFees()).isEqualTo(Money.of("5.00", "CNY")));
    }

    @Test
    void theStatementOfAccountAsKnownAtATimeLeavesOutWhatWasRecordedLater() {
        feed(invoice("INV-1", "300.00", term("T1", "300.00", "2026-10-01")));
        events.feed(payment("P1", "500.00", List.of(principal("INV-1", "T1", "300.00")), "200.00"), NOW.plusSeconds(3600));

        StatementOfAccount known = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-24"), NOW));
        StatementOfAccount later = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-24"), NOW.plusSeconds(3600)));

        assertThat(known.totalOpen()).containsExactly(Money.of("300.00", "CNY"));
        assertThat(known.unappliedCredit()).isEmpty();
        assertThat(later.items()).isEmpty();
        assertThat(later.totalOpen()).containsExactly(Money.of("0.00", "CNY"));
        assertThat(later.unappliedCredit()).containsExactly(Money.of("200.00", "CNY"));
    }

    @Test
    void asOfTodayAsKnownNowTheStatementOfAccountShowsWhatTheStatementShows() {
        feed(invoice("INV-1", "1000.00", term("T1", "300.00", "2026-10-01"), term("T2", "700.00", "2026-11-01")));
        feed(payment("P1", "500.00", List.of(principal("INV-1", "T1", "300.00"), principal("INV-1", "T2", "200.00")), "50.00"));
        feed(new io.collectionsledger.contracts.promise.PaymentPlanAgreed(customer, "PLAN-1", LocalDate.parse("2026-11-01"),
                List.of("INV-1"), List.of(principal("INV-1", "T2", "500.00")), List.of(
                new io.collectionsledger.contracts.promise.Installment("I1", Money.of("500.00", "CNY"), Money.of("5.00", "CNY"), LocalDate.parse("2026-12-01"))),
                false, "plan.pdf"));

        CustomerStatement now = statement();
        StatementOfAccount asOf = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2026-11-24"), NOW));

        assertThat(asOf.items()).extracting(AccountItem::invoiceId, AccountItem::termId, AccountItem::amount, AccountItem::lateFees,
                        AccountItem::paid, AccountItem::rescheduled, AccountItem::open)
                .containsExactlyElementsOf(now.items().stream().map(item -> org.assertj.core.groups.Tuple.tuple(item.invoiceId(), item.termId(),
                        item.amount(), item.lateFees(), item.paid(), item.rescheduled(), item.open())).toList());
        assertThat(asOf.items()).singleElement().extracting(AccountItem::openLateFees).isEqualTo(Money.of("5.00", "CNY"));
        assertThat(asOf.totalOpen()).isEqualTo(now.totalOpen());
        assertThat(asOf.unappliedCredit()).isEqualTo(now.unappliedCredit());
    }

    /** What the account records for a payment dated before the invoice it pays (issue 17): credit on its date, paid on the invoice's. */
    @Test
    void aPaymentDatedBeforeItsInvoiceIsUnappliedOnItsDateAndPaysTheInvoiceOnTheInvoicesDate() {
        // the invoice is recorded first, the payment a week before it after
        feed(new InvoiceIssued(customer, "INV-1", null, LocalDate.parse("2025-09-11"), Money.of("1000.00", "CNY"),
                List.of(term("T1", "1000.00", "2025-10-11")), List.of(), null));
        feed(new PaymentRecorded(customer, "P1", LocalDate.parse("2025-09-01"), Money.of("100.00", "CNY"),
                RecordPayment.Method.BANK_TRANSFER, null, List.of(), Money.of("100.00", "CNY")));
        feed(new UnappliedCreditApplied(customer, "_P1@2025-09-11", LocalDate.parse("2025-09-11"), Money.of("100.00", "CNY"),
                List.of(principal("INV-1", "T1", "100.00")), "P1"));

        StatementOfAccount paid = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2025-09-05"), NOW));
        StatementOfAccount invoiced = projection.handle(new StatementOfAccountQuery(customer, LocalDate.parse("2025-09-11"), NOW));

        assertThat(paid.items()).isEmpty();
        assertThat(paid.unappliedCredit()).containsExactly(Money.of("100.00", "CNY"));
        assertThat(invoiced.items()).singleElement().satisfies(item -> {
            assertThat(item.paid()).isEqualTo(Money.of("100.00", "CNY"));
            assertThat(item.open()).isEqualTo(Money.of("900.00", "CNY"));
        });
        assertThat(invoiced.unappliedCredit()).isEmpty();
    }

    private CustomerStatement statement() {
        return projection.handle(new CustomerStatementQuery(customer, LocalDate.parse("2026-11-24")));
    }

    private void feed(io.collectionsledger.contracts.shared.AccountEvent event) {
        events.feed(event, NOW);
    }

    private InvoiceIssued invoice(String invoiceId, String amount, InvoiceTerm... terms) {
        return new InvoiceIssued(customer, invoiceId, "K-1", LocalDate.parse("2026-09-01"), Money.of(amount, "CNY"),
                List.of(terms), List.of(), null);
    }

    private PaymentRecorded payment(String paymentId, String amount, List<Allocation> allocations, String unapplied) {
        return new PaymentRecorded(customer, paymentId, LocalDate.parse("2026-11-01"), Money.of(amount, "CNY"),
                RecordPayment.Method.BANK_TRANSFER, null, allocations, Money.of(unapplied, "CNY"));
    }

    private static InvoiceTerm term(String termId, String amount, String due) {
        return new InvoiceTerm(termId, Money.of(amount, "CNY"), LocalDate.parse(due));
    }

    private static Allocation principal(String invoiceId, String termId, String amount) {
        return new Allocation(invoiceId, termId, PRINCIPAL, Money.of(amount, "CNY"));
    }
}
