package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.shared.AccountCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: last year's invoices, payments and promises of one customer imported at once, in an
 * order no one chose, then closed: as of every month's end, what is open, the late fees owed, the
 * stages, the hold on new orders, the credit limit and the promises' outcomes are what the year's days
 * say, folded by {@link CustomerHistory} without the service. The first year names no contract, so
 * bears no late fees; the second is under contracts with late-fee terms.
 */
class YearImportTest {

    private static final CustomerHistory YEAR = new CustomerHistory(Accounts.TODAY, new BigDecimal("100000.00"), List.of(
            invoice("INV-01", "2025-12-01", "2025-12-31", "12000"),
            invoice("INV-02", "2026-01-05", "2026-02-04", "8000"),
            invoice("INV-03", "2026-02-10", "2026-03-12", "5000"),
            invoice("INV-04", "2026-03-02", "2026-04-01", "6000"),
            invoice("INV-05", "2026-04-01", "2026-05-01", "3000"),
            invoice("INV-06", "2026-05-04", "2026-06-03", "4500"),
            invoice("INV-07", "2026-06-01", "2026-07-01", "7000"),
            invoice("INV-08", "2026-07-01", "2026-07-31", "2500"),
            invoice("INV-09", "2026-08-03", "2026-09-02", "9000"),
            invoice("INV-10", "2026-09-01", "2026-10-01", "4000")), List.of(
            // 25 days late: held orders from 16 January, released on its payment
            payment("PAY-01", "2026-01-25", "INV-01", "12000"),
            // three early payments in a row: the limit rises on the third
            payment("PAY-02", "2026-02-02", "INV-02", "8000"),
            payment("PAY-03", "2026-03-10", "INV-03", "5000"),
            payment("PAY-04", "2026-03-30", "INV-04", "6000"),
            // half paid on time, the rest 100 days late: every stage, and a hold
            payment("PAY-05", "2026-04-28", "INV-05", "1500"),
            payment("PAY-06", "2026-08-09", "INV-05", "1500"),
            payment("PAY-07", "2026-06-20", "INV-06", "4500"),
            payment("PAY-08", "2026-06-29", "INV-07", "7000"),
            payment("PAY-09", "2026-07-30", "INV-08", "2500"),
            payment("PAY-10", "2026-08-30", "INV-09", "3000")), List.of(
            promise("PTP-1", "2026-06-10", "4500", "2026-06-20"),
            promise("PTP-2", "2026-07-15", "3000", "2026-07-31"),
            promise("PTP-3", "2026-10-05", "4000", "2026-10-20")));

    /** 0.05 % a day, above the legal cap's 15.4 % a year (0.0422 % a day), capped at 10 % of the principal. */
    private static final CustomerHistory.Contract ABOVE_THE_LEGAL_CAP = new CustomerHistory.Contract("K-FEES", new BigDecimal("0.05"), BigDecimal.TEN);
    /** 0.03 % a day, below the legal cap, capped at 3 % of the principal. */
    private static final CustomerHistory.Contract BELOW_THE_LEGAL_CAP = new CustomerHistory.Contract("K-LOW", new BigDecimal("0.03"), new BigDecimal("3"));

    static final CustomerHistory YEAR_WITH_LATE_FEES = new CustomerHistory(Accounts.TODAY, new BigDecimal("100000.00"),
            List.of(ABOVE_THE_LEGAL_CAP, BELOW_THE_LEGAL_CAP), List.of(
            invoice("F-01", "K-FEES", "2025-12-01", "2025-12-31", "20000"),
            invoice("F-02", "K-LOW", "2026-01-10", "2026-02-09", "8000"),
            invoice("F-03", "K-FEES", "2026-03-01", "2026-03-31", "6000"),
            invoice("F-04", null, "2026-04-01", "2026-05-01", "3000"),
            invoice("F-05", "K-FEES", "2026-05-04", "2026-06-03", "4500"),
            invoice("F-06", "K-LOW", "2026-08-03", "2026-09-02", "9000"),
            invoice("F-07", "K-FEES", "2026-09-01", "2026-10-01", "4000")), List.of(
            // 73 days overdue, held by the legal cap: 20,000 x 15.4 % x 73 / 365 = 616.00 of fees first, then 4,384.00 of principal;
            // on the 15,616.00 left the legal line reaches the contract's 2,000.00 on 11 October
            payment("PAY-F1", "2026-03-15", "F-01", "5000"),
            // 69 days at 0.03 % a day, 165.60, first; then everything open on 30 June: the 5,165.60 of principal left,
            // and the 74.40 of fees left of the contract's 240.00, reached on 7 June
            payment("PAY-F2", "2026-04-20", "F-02", "3000"),
            payment("PAY-F3", "2026-07-01", "F-02", "5240.00"),
            // early: no fees
            payment("PAY-F4", "2026-03-25", "F-03", "6000"),
            // late, but under no contract: no fees
            payment("PAY-F5", "2026-05-20", "F-04", "3000"),
            payment("PAY-F6", "2026-07-10", "F-05", "1000"),
            payment("PAY-F7", "2026-09-15", "F-05", "1500"),
            payment("PAY-F8", "2026-10-30", "F-06", "2000")), List.of(
            promise("PTP-F1", "2026-10-05", "4000", "2026-10-20")));

    @Test
    void aYearImportedAtOnceSaysAsOfEveryMonthsEndWhatItsDaysSay() {
        for (long order = 1; order <= 5; order++) {
            List<AccountCommand> commands = HistoryRecorder.shuffled(YEAR, new Random(order), 0);
            List<Object> events = HistoryRecorder.record(YEAR, commands);

            YEAR.monthEnds().forEach((day, folded) ->
                    assertThat(HistoryRecorder.asOf(events, day)).as("as of %s", day).isEqualTo(folded));
        }
    }

    @Test
    void aYearWithLateFeesImportedAtOnceOwesAsOfEveryMonthsEndWhatItsDaysSay() {
        for (long order = 1; order <= 5; order++) {
            List<AccountCommand> commands = HistoryRecorder.shuffled(YEAR_WITH_LATE_FEES, new Random(order), 0);
            List<Object> events = HistoryRecorder.record(YEAR_WITH_LATE_FEES, commands);

            YEAR_WITH_LATE_FEES.monthEnds().forEach((day, folded) ->
                    assertThat(HistoryRecorder.asOf(events, day)).as("as of %s, recorded in the order %s", day, commands).isEqualTo(folded));
        }
    }

    /** The year's fees meet both caps and a payment that pays fees before principal, so equal answers are not empty ones. */
    @Test
    void theYearWithLateFeesReachesBothCapsAndPaysFeesBeforePrincipal() {
        Map<String, CustomerHistory.InvoiceFees> fees = YEAR_WITH_LATE_FEES.lateFeesThrough(Accounts.TODAY);

        // above the legal cap's daily rate, the legal line holds the fees from the first day overdue, until they reach 10 %
        assertThat(fees.get("F-01").legalCapHeldOn()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(fees.get("F-01").contractCapReachedOn()).isEqualTo(LocalDate.parse("2026-10-11"));
        assertThat(fees.get("F-01").owed()).isEqualByComparingTo("2000.00");
        // below it, the daily rate runs until the contract's 3 %, 240.00
        assertThat(fees.get("F-02").legalCapHeldOn()).isNull();
        assertThat(fees.get("F-02").contractCapReachedOn()).isEqualTo(LocalDate.parse("2026-06-07"));
        assertThat(fees.get("F-02").owed()).isEqualByComparingTo("240.00");
        // a partial payment pays the fees owed through the day before first
        assertThat(fees.get("F-01").paidBy().get("PAY-F1")).isEqualByComparingTo("616.00");
        assertThat(fees.get("F-02").paidBy().get("PAY-F2")).isEqualByComparingTo("165.60");
        // paid early, or under no contract: no fees
        assertThat(fees.get("F-03").owed()).isEqualByComparingTo("0.00");
        assertThat(fees).doesNotContainKey("F-04");
    }

    /** The fold's legal cap is the policy's default, which the recorder's account runs under. */
    @Test
    void theFoldsLegalCapIsThePolicysDefault() {
        assertThat(CollectionPolicy.defaults().legalLateFeeCapAnnualPercent()).isEqualByComparingTo(CustomerHistory.LEGAL_CAP_PERCENT_A_YEAR);
    }

    /** The year exercises every rule the comparison covers, so equal answers are not empty ones. */
    @Test
    void theYearHoldsOrdersRaisesTheLimitAndReachesEveryStage() {
        var monthEnds = YEAR.monthEnds();

        assertThat(monthEnds.get(LocalDate.parse("2026-01-31")).held()).isFalse();
        assertThat(monthEnds.get(LocalDate.parse("2026-06-30")).held()).isTrue();
        assertThat(monthEnds.get(LocalDate.parse("2026-03-31")).limit()).isEqualByComparingTo("115000.00");
        assertThat(monthEnds.get(LocalDate.parse("2026-08-31")).stage()).containsEntry("INV-05", 2);
        assertThat(monthEnds.get(LocalDate.parse("2026-11-24")).outcomes())
                .containsEntry("PTP-1", "KEPT").containsEntry("PTP-2", "PARTIALLY_KEPT").containsEntry("PTP-3", "BROKEN");
    }

    private static CustomerHistory.Invoice invoice(String id, String issuedOn, String dueOn, String amount) {
        return invoice(id, null, issuedOn, dueOn, amount);
    }

    private static CustomerHistory.Invoice invoice(String id, String contractId, String issuedOn, String dueOn, String amount) {
        return new CustomerHistory.Invoice(id, contractId, LocalDate.parse(issuedOn), LocalDate.parse(dueOn), new BigDecimal(amount));
    }

    private static CustomerHistory.Payment payment(String id, String paidOn, String invoiceId, String amount) {
        return new CustomerHistory.Payment(id, LocalDate.parse(paidOn), invoiceId, new BigDecimal(amount));
    }

    private static CustomerHistory.Promise promise(String id, String recordedOn, String amount, String promisedDate) {
        return new CustomerHistory.Promise(id, LocalDate.parse(recordedOn), new BigDecimal(amount), LocalDate.parse(promisedDate));
    }
}
