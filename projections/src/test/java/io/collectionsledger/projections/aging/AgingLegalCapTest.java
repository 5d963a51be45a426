package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.aging.AgingReportQuery;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal cap on the fees accrued since the last recorded day: each overdue day's open principal at
 * the annual rate in force that day over 365, a rate taking effect on its date and leaving the days
 * before it alone. 10,000.00 at 0.05 % a day is 5.00 a day; at 10 % a year the legal line grows
 * 2.739726... a day, at 36.5 % a year 10.00 a day. The legal cap's schedule is the whole ledger's, so the
 * test has a database of its own, emptied before each test.
 */
class AgingLegalCapTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    static final Instant EARLIER = NOW.minusSeconds(7200);
    static final LocalDate DUE = LocalDate.parse("2026-09-30");
    static final String CUSTOMER = "C-1";
    static JdbcTemplate jdbc;

    AgingProjection projection;
    int events;
    long policySequence;

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
        projection = new AgingProjection(jdbc);
        projection.reset();
        at(new ContractRecorded(CUSTOMER, "K-1", LocalDate.parse("2026-01-01"), List.of(), List.of(),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("10"), false), null, null), EARLIER);
        at(new InvoiceIssued(CUSTOMER, "INV-1", "K-1", DUE.minusDays(30), cny("10000.00"),
                List.of(new InvoiceTerm("T1", cny("10000.00"), DUE)), List.of(), null), EARLIER);
        legalCap("2020-01-01", "10", EARLIER);
    }

    @Test
    void theLegalCapHoldsTheFeesOfEachDayBelowTheContractsRate() {
        // 5 days: 13.69863... -> 13.70; 10 days: 27.39726... -> 27.40
        assertThat(total("2026-10-05", NOW)).isEqualTo("10013.70");
        assertThat(total("2026-10-10", NOW)).isEqualTo("10027.40");
    }

    /**
     * From 11 October the legal rate (10.00 a day) is above the contract's (5.00 a day): the fees grow by
     * 5.00 a day from where the old cap held them, 27.39726..., not from the new legal line.
     */
    @Test
    void aNewLegalRateTakesEffectOnItsDateAndTheDaysBeforeKeepTheirs() {
        legalCap("2026-10-11", "36.5", NOW);

        // 27.39726... + 10 x 5.00 = 77.39726... -> 77.40, although 20 days of fees (100.00) are below the legal line then (127.40)
        assertThat(total("2026-10-20", NOW)).isEqualTo("10077.40");
        assertThat(total("2026-10-10", NOW)).isEqualTo("10027.40");
        // as known before the change was recorded: 20 days at 10 % a year, 54.79452... -> 54.79
        assertThat(total("2026-10-20", EARLIER)).isEqualTo("10054.79");
    }

    /**
     * Fees recorded above the legal line (under an earlier rule, not yet corrected) are not taken back here, and
     * grow again only once the line passes them: to the line that day, then by the day's fee.
     */
    @Test
    void feesRecordedAboveTheLegalLineStayThereUntilTheLinePassesThem() {
        at(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-05"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("30.00"), 5, LocalDate.parse("2026-10-05"), false))), EARLIER);

        // the line: 2.739726... a day, 27.39726... on 10-10, 30.13698... on 10-11, 32.87671... on 10-12 (below 30.13698... + 5.00)
        assertThat(total("2026-10-06", NOW)).isEqualTo("10030.00");
        assertThat(total("2026-10-10", NOW)).isEqualTo("10030.00");
        assertThat(total("2026-10-11", NOW)).isEqualTo("10030.14");
        assertThat(total("2026-10-12", NOW)).isEqualTo("10032.88");
    }

    /**
     * Fees recorded above what is owed (44.00 through 5 October, where the legal line allows 13.69...) stand until what is owed
     * passes them: a correction is its own event. From 11 October the line rises 10.00 a day, faster than the fees' 5.00.
     */
    @Test
    void feesRecordedAboveWhatIsOwedStandUntilWhatIsOwedPassesThem() {
        legalCap("2026-10-11", "36.5", EARLIER);
        at(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-05"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("44.00"), 5, LocalDate.parse("2026-10-05"), false))), EARLIER);

        // owed: the line's 27.39726... through 10-10, then 5.00 a day under the raised line: 32.39... on 10-11, 37.39... on
        // 10-12, 77.39726... on 10-20 (not 44.00 run on by the days' fees)
        assertThat(total("2026-10-11", NOW)).isEqualTo("10044.00");
        assertThat(total("2026-10-12", NOW)).isEqualTo("10044.00");
        assertThat(total("2026-10-20", NOW)).isEqualTo("10077.40");
    }

    /** A fix rounded up (13.69863... fixed as 13.70) does not carry its fraction on: the fees owed later are the legal line rounded. */
    @Test
    void feesOwedAfterAFixRoundedUpAreTheLegalLineRoundedNotACentAbove() {
        at(new LateFeesAccrued(CUSTOMER, LocalDate.parse("2026-10-05"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("13.70"), 5, LocalDate.parse("2026-10-05"), true))), EARLIER);

        // 20 days of the line: 54.79452... -> 54.79 (run on from the 13.70 fixed it was 54.79589..., 54.80)
        assertThat(total("2026-10-20", NOW)).isEqualTo("10054.79");
    }

    private String total(String asOf, Instant knownAt) {
        return projection.handle(new AgingReportQuery(LocalDate.parse(asOf), knownAt, CUSTOMER, null))
                .customers().get(0).total().amount().toPlainString();
    }

    private void legalCap(String effectiveFrom, String annualPercent, Instant recordedAt) {
        projection.on(new LegalLateFeeCapChanged("L-" + effectiveFrom, LocalDate.parse(effectiveFrom), new BigDecimal(annualPercent), "the law"),
                policySequence++, recordedAt);
    }

    private void at(Object event, Instant recordedAt) {
        AgingFeed.feed(projection, event, recordedAt, CUSTOMER + "-" + events++);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
