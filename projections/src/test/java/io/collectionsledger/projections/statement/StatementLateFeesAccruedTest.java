package io.collectionsledger.projections.statement;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.statement.CustomerStatement;
import io.collectionsledger.contracts.statement.CustomerStatementQuery;
import io.collectionsledger.contracts.statement.StatementOfAccount;
import io.collectionsledger.contracts.statement.StatementOfAccountQuery;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement of account as of any date owes the late fees accrued to that date, though the ledger
 * records them only when it must fix an amount: each day past due, that day's open principal times the
 * contract's daily rate, summed and rounded once, under the contract's cap and the legal cap. The
 * expected amounts are worked out by hand. The legal cap's schedule is the whole ledger's, so the test
 * has a database of its own, emptied before each test.
 */
class StatementLateFeesAccruedTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    static final Instant EARLIER = NOW.minusSeconds(7200);
    static final LocalDate DUE = LocalDate.parse("2026-09-30");
    static final String CUSTOMER = "C-1";
    static JdbcTemplate jdbc;

    CustomerStatementProjection projection;
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
        projection = new CustomerStatementProjection(jdbc);
        events = new EventFeed(projection);
        events.reset();
    }

    /** 1,234.57 at 0.05 % a day is 0.617285 a day: rounded once, not day by day (0.62 a day would make 3 days 1.86). */
    @ParameterizedTest(name = "as of {0}: fees {1}")
    @CsvSource({
            "2026-09-30, 0.00",    // the due date itself: nothing accrued
            "2026-10-01, 0.62",    // 1 day: 0.617285
            "2026-10-03, 1.85",    // 3 days: 1.851855
            "2026-10-10, 6.17",    // 10 days: 6.17285
            "2026-10-17, 10.49"})  // 17 days: 10.493845
    void aTermOverdueForPartOfAMonthWithNoFeeRecordedOwesTheFeesOfEachDay(LocalDate asOf, String fees) {
        contract("0.05", "10");
        issue("1234.57");

        AccountItem item = item(asOf, NOW);

        assertThat(item.lateFees()).isEqualTo(cny(fees));
        assertThat(item.openLateFees()).isEqualTo(cny(fees));
        assertThat(item.openPrincipal()).isEqualTo(cny("1234.57"));
        assertThat(item.open()).isEqualTo(cny("1234.57").plus(cny(fees)));
        assertThat(statement(asOf, NOW).totalOpen()).containsExactly(cny("1234.57").plus(cny(fees)));
    }

    /**
     * Fees recorded at the month's end (31 days: 19.135835 -> 19.14); owed through any later day is the exact sum from
     * the first day past due, rounded once, less nothing of the fraction the month's end rounded away. A credit note of
     * 234.57 on 11 November leaves 1,000.00 of principal, 0.50 a day, from that day.
     */
    @ParameterizedTest(name = "as of {0}: fees {1}")
    @CsvSource({
            "2026-10-31, 19.14",
            "2026-11-01, 19.75",   // 32 x 0.617285 = 19.75312 (not 19.14 + 0.62: the rounding is not carried on)
            "2026-11-11, 25.81",   // 41 x 0.617285 + 0.50 = 25.808685
            "2026-11-20, 30.31"})  // 41 x 0.617285 + 10 x 0.50 = 30.308685
    void afterTheLastRecordedDayFeesAccrueOnEachDaysOpenPrincipal(LocalDate asOf, String fees) {
        contract("0.05", "10");
        issue("1234.57");
        feed(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("19.14"), 31, LocalDate.parse("2026-10-31"), false))));
        feed(new CreditNoteIssued(CUSTOMER, "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("234.57"), "short delivery",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("234.57")))));

        assertThat(item(asOf, NOW).lateFees()).isEqualTo(cny(fees));
    }

    /** A cap of 1 % of 1,234.57 is 12.3457 -> 12.35: 19 days are 11.728415 -> 11.73, 21 days would be 12.96. */
    @Test
    void feesNeverPassTheContractsCap() {
        contract("0.05", "1");
        issue("1234.57");

        assertThat(item(LocalDate.parse("2026-10-19"), NOW).lateFees()).isEqualTo(cny("11.73"));
        assertThat(item(LocalDate.parse("2026-10-21"), NOW).lateFees()).isEqualTo(cny("12.35"));
    }

    /**
     * 10,000.00 at 0.05 % a day is 5.00 a day; the legal cap at 10 % a year holds it to 2.739726... a day,
     * until 36.5 % a year (10.00 a day) takes effect on 11 October: from then the fees grow 5.00 a day
     * from where the old cap held them.
     */
    @Test
    void theLegalCapOfEachDayHoldsTheFees() {
        contract("0.05", "10");
        issue("10000.00");
        legalCap("2020-01-01", "10", EARLIER);
        legalCap("2026-10-11", "36.5", NOW);

        assertThat(item(LocalDate.parse("2026-10-10"), NOW).lateFees()).isEqualTo(cny("27.40"));   // 27.39726...
        assertThat(item(LocalDate.parse("2026-10-20"), NOW).lateFees()).isEqualTo(cny("77.40"));   // 27.39726... + 50.00
        // as known before the change: 20 days at 10 % a year, 54.79452...
        assertThat(item(LocalDate.parse("2026-10-20"), EARLIER).lateFees()).isEqualTo(cny("54.79"));
    }

    @Test
    void aWrittenOffInvoiceAccruesNothingFromItsWriteOff() {
        contract("0.05", "10");
        issue("1234.57");
        feed(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-10"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("6.17"), 10, LocalDate.parse("2026-10-10"), false))));
        feed(new ReceivableWrittenOff(CUSTOMER, "INV-1", "WO-1", LocalDate.parse("2026-10-10"), cny("1000.00"), "insolvent",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("1000.00")))));

        assertThat(item(LocalDate.parse("2026-11-30"), NOW).lateFees()).isEqualTo(cny("6.17"));
        assertThat(item(LocalDate.parse("2026-10-09"), NOW).lateFees()).isEqualTo(cny("5.56"));   // 9 days: 5.555565
    }

    /** The statement of open items without a date is as of today, the business date the query names: 10 days, 6.17285 -> 6.17. */
    @Test
    void theStatementOfOpenItemsOwesTheFeesAccruedThroughToday() {
        contract("0.05", "10");
        issue("1234.57");

        CustomerStatement statement = projection.handle(new CustomerStatementQuery(CUSTOMER, LocalDate.parse("2026-10-10")));

        assertThat(statement.items()).singleElement().satisfies(item -> {
            assertThat(item.lateFees()).isEqualTo(cny("6.17"));
            assertThat(item.open()).isEqualTo(cny("1240.74"));
        });
        assertThat(statement.totalOpen()).containsExactly(cny("1240.74"));
    }

    private void contract(String dailyRatePercent, String capPercent) {
        feed(new ContractRecorded(CUSTOMER, "K-1", LocalDate.parse("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal(dailyRatePercent), new BigDecimal(capPercent), false), null, null));
    }

    private void issue(String amount) {
        feed(new InvoiceIssued(CUSTOMER, "INV-1", "K-1", DUE.minusDays(30), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), DUE)), List.of(), null));
    }

    private void legalCap(String effectiveFrom, String annualPercent, Instant recordedAt) {
        events.feed(new LegalLateFeeCapChanged("L-" + effectiveFrom, LocalDate.parse(effectiveFrom), new BigDecimal(annualPercent), "the law"),
                recordedAt);
    }

    private AccountItem item(LocalDate asOf, Instant knownAt) {
        return statement(asOf, knownAt).items().get(0);
    }

    private StatementOfAccount statement(LocalDate asOf, Instant knownAt) {
        return projection.handle(new StatementOfAccountQuery(CUSTOMER, asOf, knownAt));
    }

    private void feed(AccountEvent event) {
        events.feed(event, EARLIER);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
