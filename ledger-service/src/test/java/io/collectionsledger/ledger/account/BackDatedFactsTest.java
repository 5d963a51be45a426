package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/**
 * Facts dated in the past are judged on their own dates (issue 17): a payment's allocation takes
 * effect on the later of its date and its invoice's, and a payment that clears a hold releases the
 * orders on its own date, never before the hold began.
 */
class BackDatedFactsTest extends AccountFixture {

    private static final LocalDate ISSUED = LocalDate.parse("2026-09-11");
    private static final LocalDate HELD = LocalDate.parse("2026-10-17");

    /** Before, on and after the invoice's date: money before it waits as credit and settles it on its date. */
    @ParameterizedTest(name = "payment {0} days from the invoice''s date")
    @ValueSource(ints = {-100, -10, -1, 0, 1, 10, 70})
    void anAllocationTakesEffectOnTheLaterOfThePaymentsDateAndTheInvoices(int days) {
        LocalDate paidOn = ISSUED.plusDays(days);
        List<Allocation> paid = List.of(principal("INV-1", "T1", "100.00"));
        var then = fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", "2026-10-11"))
                .when(payment("P1", paidOn, "100.00"));
        if (days < 0) {
            then.expectEvents(new PaymentRecorded(CUSTOMER, "P1", paidOn, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null,
                            List.of(), cny("100.00")),
                    new UnappliedCreditApplied(CUSTOMER, "_P1@2026-09-11", ISSUED, cny("100.00"), paid, "P1"));
        } else {
            then.expectEvents(new PaymentRecorded(CUSTOMER, "P1", paidOn, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null,
                    paid, cny("0.00")));
        }
    }

    /** On 1 September only INV-OLD was a debt: it is paid first although INV-NEW, issued later, falls due first. */
    @Test
    void theDebtsOfThePaymentsDateComeFirstThenTheLaterOnesInTheOrderTheyWereIssued() {
        fixture.given(registered(),
                        issued("INV-OLD", LocalDate.parse("2026-08-01"), "500.00", "2026-12-31"),
                        issued("INV-NEWER", LocalDate.parse("2026-09-20"), "300.00", "2026-09-25"),
                        issued("INV-NEW", ISSUED, "300.00", "2026-10-01"))
                .when(payment("P1", LocalDate.parse("2026-09-01"), "1000.00"))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P1", LocalDate.parse("2026-09-01"), cny("1000.00"),
                                RecordPayment.Method.BANK_TRANSFER, null, List.of(principal("INV-OLD", "T1", "500.00")), cny("500.00")),
                        new UnappliedCreditApplied(CUSTOMER, "_P1@2026-09-11", ISSUED, cny("300.00"),
                                List.of(principal("INV-NEW", "T1", "300.00")), "P1"),
                        new UnappliedCreditApplied(CUSTOMER, "_P1@2026-09-20", LocalDate.parse("2026-09-20"), cny("200.00"),
                                List.of(principal("INV-NEWER", "T1", "200.00")), "P1"));
    }

    @Test
    void reversingAPaymentReopensWhatTheLedgerAppliedOfItToLaterInvoices() {
        fixture.given(registered(), issued("INV-1", ISSUED, "1000.00", "2026-10-11"),
                        new PaymentRecorded(CUSTOMER, "P1", LocalDate.parse("2026-09-01"), cny("150.00"), RecordPayment.Method.CHEQUE, null,
                                List.of(), cny("150.00")),
                        new UnappliedCreditApplied(CUSTOMER, "_P1@2026-09-11", ISSUED, cny("100.00"),
                                List.of(principal("INV-1", "T1", "100.00")), "P1"))
                .when(new ReversePayment(CUSTOMER, "P1", TODAY, "cheque bounced"))
                .expectEvents(new PaymentReversed(CUSTOMER, "P1", TODAY, "cheque bounced", cny("150.00"),
                        List.of(principal("INV-1", "T1", "100.00")), cny("50.00")));
    }

    /** Credit applied on a date meets only what was issued by then. */
    @Test
    void creditIsNotAppliedToAnInvoiceBeforeItsDate() {
        fixture.given(registered(), paidToday("P1", "500.00", List.of(), "500.00"), issued("INV-1", ISSUED, "300.00", "2026-10-11"))
                .when(new ApplyUnappliedCredit(CUSTOMER, "A1", ISSUED.minusDays(1), cny("300.00"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CREDIT_EXCEEDS_OPEN_AMOUNT));
    }

    /** The release is dated the payment's date, whenever the payment is recorded. */
    @ParameterizedTest(name = "paid on {0}: released on {1}")
    @CsvSource({"2026-11-01, 2026-11-01", "2026-10-18, 2026-10-18", "2026-11-24, 2026-11-24"})
    void aPaymentThatClearsAHoldReleasesTheOrdersOnItsOwnDateNeverBeforeTheHold(LocalDate paidOn, LocalDate releasedOn) {
        fixture.given(registered(), new CreditLimitSet(CUSTOMER, LocalDate.parse("2026-01-05"), null, cny("100000.00"), "opening"),
                        issued("INV-1", LocalDate.parse("2026-09-01"), "1000.00", "2026-10-01"),
                        new OrdersHeld(CUSTOMER, HELD, "INV-1", "T1", 16))
                .when(payment("P1", paidOn, "1000.00"))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P1", paidOn, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(principal("INV-1", "T1", "1000.00")), cny("0.00")),
                        new OrdersReleased(CUSTOMER, releasedOn, "payment P1 settled what held them"));
    }

    /**
     * Paid by the end of the hold's first day, the term was never long overdue: the hold should not
     * have been, and is withdrawn by a correcting event dated its day, not released.
     */
    @ParameterizedTest(name = "paid on {0}")
    @ValueSource(strings = {"2026-10-17", "2026-10-10"})
    void aPaymentDatedByTheHoldsFirstDayWithdrawsTheHold(LocalDate paidOn) {
        fixture.given(registered(), new CreditLimitSet(CUSTOMER, LocalDate.parse("2026-01-05"), null, cny("100000.00"), "opening"),
                        issued("INV-1", LocalDate.parse("2026-09-01"), "1000.00", "2026-10-01"),
                        new OrdersHeld(CUSTOMER, HELD, "INV-1", "T1", 16))
                .when(payment("P1", paidOn, "1000.00"))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P1", paidOn, cny("1000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                                List.of(principal("INV-1", "T1", "1000.00")), cny("0.00")),
                        new OrdersHoldWithdrawn(CUSTOMER, HELD, null, "facts recorded since show nothing open more than 15 days past due on 2026-10-17"));
    }

    @Test
    void aPaymentThatLeavesATermLongOverdueReleasesNothing() {
        fixture.given(registered(),
                        issued("INV-1", LocalDate.parse("2026-09-01"), "1000.00", "2026-10-01"),
                        issued("INV-2", LocalDate.parse("2026-09-01"), "1000.00", "2026-10-02"),
                        new OrdersHeld(CUSTOMER, HELD, "INV-1", "T1", 16))
                .when(payment("P1", LocalDate.parse("2026-11-01"), "1000.00"))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P1", LocalDate.parse("2026-11-01"), cny("1000.00"),
                        RecordPayment.Method.BANK_TRANSFER, null, List.of(principal("INV-1", "T1", "1000.00")), cny("0.00")));
    }

    private static InvoiceIssued issued(String invoiceId, LocalDate issuedOn, String amount, String dueDate) {
        return new InvoiceIssued(CUSTOMER, invoiceId, null, issuedOn, cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), LocalDate.parse(dueDate))), List.of(), null);
    }

    private static RecordPayment payment(String paymentId, LocalDate paidOn, String amount) {
        return new RecordPayment(CUSTOMER, paymentId, paidOn, cny(amount), RecordPayment.Method.BANK_TRANSFER, null, null);
    }
}
