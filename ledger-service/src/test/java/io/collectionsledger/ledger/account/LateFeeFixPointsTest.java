package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/**
 * Late fees accrue in amount every day but are recorded only where an amount must be fixed (issue 17,
 * part 2): at a month's end, the day the contract's cap is reached, and before a payment is allocated.
 * A quiet day in the middle of a month records nothing, so an overdue term has at most one fee event in
 * a month without payments or letters, plus one when its cap is reached.
 */
class LateFeeFixPointsTest extends AccountFixture {

    private static final LocalDate SEPTEMBER_30 = LocalDate.parse("2026-09-30");
    private static final LocalDate OCTOBER_15 = LocalDate.parse("2026-10-15");
    private static final LocalDate OCTOBER_31 = LocalDate.parse("2026-10-31");

    @Test
    void aQuietDayInTheMiddleOfAMonthRecordsNoFees() {
        fixture.given(overdueSinceAugust("5", recordedThroughSeptember()))
                .when(new CloseBusinessDay(CUSTOMER, OCTOBER_15))
                .expectNoEvents();
    }

    @Test
    void aMonthWithoutPaymentsGivesOneAccrualPerOverdueTermAtItsEndWithTheExactDayByDayAmount() {
        // 31 days at 0.04% a day: on 10,000, 4.00 a day, 124.00; on 333.33, 0.133332 a day summed exactly, 4.133292, so 4.13
        // (a fee rounded each day would have been 31 x 0.13 = 4.03); the legal cap, 15.4% a year, is 0.0422% a day
        fixture.given(overdueSinceAugust("5", recordedThroughSeptember()))
                .when(new CloseBusinessDay(CUSTOMER, OCTOBER_31))
                .expectEvents(new LateFeesAccrued(CUSTOMER, OCTOBER_31, List.of(
                        new LateFeeAccrual("INV-1", "T1", cny("124.00"), 31, OCTOBER_31, false),
                        new LateFeeAccrual("INV-2", "T1", cny("4.13"), 31, OCTOBER_31, false))));
    }

    @Test
    void aPaymentFixesTheFeesAccruedBeforeItsDateAndPaysThemBeforePrincipal() {
        // 14 days of October at 0.04% a day on 10,000 (4.00 a day): 56.00 fixed through the day before the payment,
        // then paid before the principal; the payment's own day accrues on what it leaves open
        fixture.given(overdueSinceAugust("5", recordedThroughSeptember()))
                .when(new RecordPayment(CUSTOMER, "P1", OCTOBER_15, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(new LateFeesAccrued(CUSTOMER, OCTOBER_15, List.of(
                                new LateFeeAccrual("INV-1", "T1", cny("56.00"), 14, OCTOBER_15.minusDays(1), false),
                                new LateFeeAccrual("INV-2", "T1", cny("1.87"), 14, OCTOBER_15.minusDays(1), false))),
                        new PaymentRecorded(CUSTOMER, "P1", OCTOBER_15, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null, List.of(
                                new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("176.00")),
                                new Allocation("INV-1", "T1", Allocation.Component.PRINCIPAL, cny("824.00"))), cny("0.00")));
    }

    @Test
    void theDayTheContractsCapIsReachedGivesOneEventThatDay() {
        // capped at 2% of the principal: 120.00 recorded through September and 4.00 a day reach 10,000's 200.00 on
        // 20 October; 4.00 and 0.133332 a day reach 333.33's 6.6666 the same day (6.66664 on its 20th day)
        fixture.given(overdueSinceAugust("2", recordedThroughSeptember()))
                .when(new CloseBusinessDay(CUSTOMER, OCTOBER_31))
                .expectEvents(reachedTheCap());
    }

    @Test
    void afterTheCapIsReachedNoFeesAreRecordedAgain() {
        List<Object> atTheCap = recordedThroughSeptember();
        atTheCap.add(reachedTheCap());
        fixture.given(overdueSinceAugust("2", atTheCap))
                .when(new CloseBusinessDay(CUSTOMER, LocalDate.parse("2026-11-24")))
                .expectNoEvents();
    }

    private static LateFeesAccrued reachedTheCap() {
        LocalDate reached = LocalDate.parse("2026-10-20");
        return new LateFeesAccrued(CUSTOMER, reached, List.of(
                new LateFeeAccrual("INV-1", "T1", cny("80.00"), 20, reached, true),
                new LateFeeAccrual("INV-2", "T1", cny("2.67"), 20, reached, true)));
    }

    /**
     * Two terms under a contract of 0.04% a day capped at {@code capPercent} of the principal, due 31 August,
     * overdue since, with their first stages reached and orders held; {@code facts} after.
     */
    private static List<Object> overdueSinceAugust(String capPercent, List<Object> facts) {
        LocalDate due = LocalDate.parse("2026-08-31");
        List<Object> history = new ArrayList<>(List.of(registered(), new ContractRecorded(CUSTOMER, CONTRACT, LocalDate.parse("2026-02-01"),
                        contractWithStagedTerms().validity(), contractWithStagedTerms().paymentTerms(),
                        new LateFeeTerms(new BigDecimal("0.04"), new BigDecimal(capPercent), true), contractWithStagedTerms().disputeClause(), "DOC-K-1"),
                termDue("INV-1", "10000.00", due), termDue("INV-2", "333.33", due)));
        for (String invoiceId : List.of("INV-1", "INV-2")) {
            history.add(new CollectionStageReached(CUSTOMER, invoiceId, "T1", due.plusDays(1), due, CollectionStage.DPD_1_30, cny("1.00")));
            history.add(new CollectionStageReached(CUSTOMER, invoiceId, "T1", due.plusDays(31), due, CollectionStage.DPD_31_90, cny("1.00")));
        }
        history.add(new OrdersHeld(CUSTOMER, due.plusDays(16), "INV-1", "T1", 16));
        history.addAll(facts);
        return history;
    }

    /** September's fees, fixed at its end: 30 days at 0.04% a day. */
    private static List<Object> recordedThroughSeptember() {
        return new ArrayList<>(List.of(new LateFeesAccrued(CUSTOMER, SEPTEMBER_30, List.of(
                new LateFeeAccrual("INV-1", "T1", cny("120.00"), 30, SEPTEMBER_30, false),
                new LateFeeAccrual("INV-2", "T1", cny("4.00"), 30, SEPTEMBER_30, false)))));
    }

    private static InvoiceIssued termDue(String invoiceId, String amount, LocalDate due) {
        return new InvoiceIssued(CUSTOMER, invoiceId, CONTRACT, LocalDate.parse("2026-08-01"), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), due)), List.of(), null);
    }
}
