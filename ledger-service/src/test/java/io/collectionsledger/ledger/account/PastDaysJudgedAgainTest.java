package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.CollectionStageWithdrawn;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/**
 * History recorded after the days it belongs to (issue 17): the close judges the days again on the
 * facts' business dates, records what those days should have produced on their own days, and
 * withdraws by a correcting event what they should not have.
 */
class PastDaysJudgedAgainTest extends AccountFixture {

    private static final LocalDate ISSUED = LocalDate.parse("2026-09-01");
    private static final LocalDate DUE = LocalDate.parse("2026-10-01");
    private static final CreditLimitSet LIMIT = new CreditLimitSet(CUSTOMER, LocalDate.parse("2026-01-05"), null, cny("100000.00"), "opening");

    /** Paid 25 days late and keyed in a month later: it was overdue, held orders, and released them on its date. */
    @Test
    void aTermPaidTwentyFiveDaysLateGetsItsStageItsHoldAndItsReleaseOnTheirDays() {
        fixture.given(registered(), LIMIT, issued("INV-1", ISSUED, "1000.00", DUE), paid("P1", DUE.plusDays(25), "INV-1", "1000.00"))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("1000.00")),
                        new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16),
                        new OrdersReleased(CUSTOMER, DUE.plusDays(25), "nothing is open more than 15 days past due"));
    }

    @Test
    void aTermPaidAHundredDaysLateEntersEveryStageOnItsDay() {
        LocalDate due = LocalDate.parse("2026-06-01");
        fixture.given(registered(), issued("INV-1", LocalDate.parse("2026-05-01"), "1000.00", due),
                        paid("P1", due.plusDays(40), "INV-1", "400.00"), paid("P2", due.plusDays(100), "INV-1", "600.00"),
                        new OrdersHeld(CUSTOMER, due.plusDays(16), "INV-1", "T1", 16))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(new CollectionStageReached(CUSTOMER, "INV-1", "T1", due.plusDays(1), due, CollectionStage.DPD_1_30, cny("1000.00")),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", due.plusDays(31), due, CollectionStage.DPD_31_90, cny("1000.00")),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", due.plusDays(91), due, CollectionStage.DPD_91_PLUS, cny("600.00")),
                        new OrdersReleased(CUSTOMER, due.plusDays(100), "nothing is open more than 15 days past due"));
    }

    /** A close recorded the term in 31–90; the payment keyed in since shows it was paid on day 20. */
    @Test
    void aStageTheTermNeverEnteredIsWithdrawn() {
        fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", DUE),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("1000.00")),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(31), DUE, CollectionStage.DPD_31_90, cny("1000.00")),
                        new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16),
                        paid("P1", DUE.plusDays(10), "INV-1", "1000.00"))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(new CollectionStageWithdrawn(CUSTOMER, "INV-1", "T1", DUE.plusDays(31), CollectionStage.DPD_31_90,
                                "facts recorded since show the term did not enter the stage"),
                        new OrdersHoldWithdrawn(CUSTOMER, DUE.plusDays(16), null,
                                "facts recorded since show nothing open more than 15 days past due on 2026-10-17"));
    }

    /** The hold was released when INV-1 was paid; INV-2, imported since, was still long overdue then, until it was paid too. */
    @Test
    void aHoldThatEndedOnAnotherDayIsWithdrawnAndRecordedAgainWithItsRelease() {
        fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", DUE),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("1000.00")),
                        new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16),
                        paid("P1", DUE.plusDays(30), "INV-1", "1000.00"),
                        new OrdersReleased(CUSTOMER, DUE.plusDays(30), "payment P1 settled what held them"),
                        issued("INV-2", ISSUED, "1000.00", DUE.plusDays(5)), paid("P2", DUE.plusDays(40), "INV-2", "1000.00"))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectEvents(new CollectionStageReached(CUSTOMER, "INV-2", "T1", DUE.plusDays(6), DUE.plusDays(5), CollectionStage.DPD_1_30, cny("1000.00")),
                        new CollectionStageReached(CUSTOMER, "INV-2", "T1", DUE.plusDays(36), DUE.plusDays(5), CollectionStage.DPD_31_90, cny("1000.00")),
                        new OrdersHoldWithdrawn(CUSTOMER, DUE.plusDays(16), DUE.plusDays(30),
                                "facts recorded since show the hold from 2026-10-17 ended on another day"),
                        new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16),
                        new OrdersReleased(CUSTOMER, DUE.plusDays(40), "nothing is open more than 15 days past due"));
    }

    /** A payment keyed in late, dated before the hold's day, withdraws the hold at once: nothing was long overdue. */
    @Test
    void aPaymentKeyedInLateWithdrawsAHoldThatShouldNeverHaveBeen() {
        fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", DUE), new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16))
                .when(new RecordPayment(CUSTOMER, "P1", DUE.plusDays(3), cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paid("P1", DUE.plusDays(3), "INV-1", "1000.00"),
                        new OrdersHoldWithdrawn(CUSTOMER, DUE.plusDays(16), null,
                                "facts recorded since show nothing open more than 15 days past due on 2026-10-17"));
    }

    /** The late payment was dated before the three early ones: recorded after two of them, it breaks no run. */
    @Test
    void earlyPaymentsAreCountedInTheOrderOfTheirDatesNotTheOrderRecorded() {
        fixture.given(registered(), LIMIT, issued("INV-L", ISSUED, "100.00", DUE),
                        issued("INV-1", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        issued("INV-2", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        issued("INV-3", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        paid("P1", LocalDate.parse("2026-11-10"), "INV-1", "100.00"),
                        paid("P2", LocalDate.parse("2026-11-12"), "INV-2", "100.00"),
                        paid("LATE", LocalDate.parse("2026-11-05"), "INV-L", "100.00"))
                .when(new RecordPayment(CUSTOMER, "P3", LocalDate.parse("2026-11-15"), cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paid("P3", LocalDate.parse("2026-11-15"), "INV-3", "100.00"),
                        new CreditLimitRaised(CUSTOMER, LocalDate.parse("2026-11-15"), cny("100000.00"), cny("115000.00"), List.of("P1", "P2", "P3")));
    }

    /** Keyed in after the raise, a late payment dated inside the run breaks it: the raise is withdrawn, never edited. */
    @Test
    void aLatePaymentDatedInsideARunWithdrawsTheRaise() {
        CreditLimitRaised raised = new CreditLimitRaised(CUSTOMER, LocalDate.parse("2026-11-15"), cny("100000.00"), cny("115000.00"),
                List.of("P1", "P2", "P3"));
        fixture.given(registered(), LIMIT, issued("INV-L", ISSUED, "100.00", DUE),
                        issued("INV-1", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        issued("INV-2", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        issued("INV-3", ISSUED, "100.00", LocalDate.parse("2026-12-31")),
                        paid("P1", LocalDate.parse("2026-11-10"), "INV-1", "100.00"),
                        paid("P2", LocalDate.parse("2026-11-12"), "INV-2", "100.00"),
                        paid("P3", LocalDate.parse("2026-11-15"), "INV-3", "100.00"), raised)
                .when(new RecordPayment(CUSTOMER, "LATE", LocalDate.parse("2026-11-11"), cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paid("LATE", LocalDate.parse("2026-11-11"), "INV-L", "100.00"),
                        new CreditLimitRaiseWithdrawn(CUSTOMER, raised.occurredOn(), raised.previous(), raised.limit(), raised.earlyPaymentIds(),
                                "payments recorded since, dated before it, change the run of early payments or the limit it raised"));
    }

    /** Judged again, the days add nothing: each fact once. */
    @Test
    void closingAgainAfterTheDaysWereJudgedAgainRecordsNothing() {
        fixture.given(registered(), LIMIT, issued("INV-1", ISSUED, "1000.00", DUE), paid("P1", DUE.plusDays(25), "INV-1", "1000.00"),
                        new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("1000.00")),
                        new OrdersHeld(CUSTOMER, DUE.plusDays(16), "INV-1", "T1", 16),
                        new OrdersReleased(CUSTOMER, DUE.plusDays(25), "nothing is open more than 15 days past due"))
                .when(new CloseBusinessDay(CUSTOMER, TODAY))
                .expectNoEvents()
                .expectState(account -> org.assertj.core.api.Assertions.assertThat(account.firstDayDue(CollectionPolicy.defaults())).isEmpty());
    }

    /** A fact dated on a closed day makes the account due from the day it changes, so the next close judges it. */
    @Test
    void aPaymentKeyedInLateMakesTheAccountDueFromTheDayItChanges() {
        fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", DUE))
                .when(new RecordPayment(CUSTOMER, "P1", DUE.plusDays(25), cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectState(account -> org.assertj.core.api.Assertions.assertThat(account.firstDayDue(CollectionPolicy.defaults()))
                        .contains(DUE.plusDays(1)));
    }

    private static InvoiceIssued issued(String invoiceId, LocalDate issuedOn, String amount, LocalDate dueDate) {
        return new InvoiceIssued(CUSTOMER, invoiceId, null, issuedOn, cny(amount), List.of(new InvoiceTerm("T1", cny(amount), dueDate)), List.of(), null);
    }

    private static PaymentRecorded paid(String paymentId, LocalDate paidOn, String invoiceId, String amount) {
        return new PaymentRecorded(CUSTOMER, paymentId, paidOn, cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal(invoiceId, "T1", amount)), cny("0.00"));
    }
}
