package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.shared.AccountCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: last year's invoices, payments and promises of one customer imported at once, in an
 * order no one chose, then closed: as of every month's end, what is open, the stages, the hold on
 * new orders, the credit limit and the promises' outcomes are what the year's days say, folded by
 * {@link CustomerHistory} without the service. Late fees are left out (no late-fee terms).
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

    @Test
    void aYearImportedAtOnceSaysAsOfEveryMonthsEndWhatItsDaysSay() {
        for (long order = 1; order <= 5; order++) {
            List<AccountCommand> commands = HistoryRecorder.shuffled(YEAR, new Random(order), 0);
            List<Object> events = HistoryRecorder.record(YEAR, commands);

            YEAR.monthEnds().forEach((day, folded) ->
                    assertThat(HistoryRecorder.asOf(events, day)).as("as of %s", day).isEqualTo(folded));
        }
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
        return new CustomerHistory.Invoice(id, LocalDate.parse(issuedOn), LocalDate.parse(dueOn), new BigDecimal(amount));
    }

    private static CustomerHistory.Payment payment(String id, String paidOn, String invoiceId, String amount) {
        return new CustomerHistory.Payment(id, LocalDate.parse(paidOn), invoiceId, new BigDecimal(amount));
    }

    private static CustomerHistory.Promise promise(String id, String recordedOn, String amount, String promisedDate) {
        return new CustomerHistory.Promise(id, LocalDate.parse(recordedOn), new BigDecimal(amount), LocalDate.parse(promisedDate));
    }
}
