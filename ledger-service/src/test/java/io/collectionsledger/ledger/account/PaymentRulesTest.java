package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.AllocationInstruction;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Payments, their allocation in the legal order, unapplied credit and reversals (domain.md §3). */
class PaymentRulesTest extends AccountFixture {

    @Test
    void noPaymentOnAnUnknownInvoice() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(new AllocationInstruction("INV-9", cny("100.00")))))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_INVOICE))
                .expectExceptionMessage("no invoice INV-9 was issued to " + CUSTOMER);
    }

    @Test
    void aPaymentGoesFirstToTheDebtThatFellDueFirst() {
        fixture.given(registered(),
                        invoiced("INV-LATE", "500.00", "2026-10-15"),
                        invoiced("INV-EARLY", "300.00", "2026-09-30"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("400.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P1", "400.00",
                        List.of(principal("INV-EARLY", "T1", "300.00"), principal("INV-LATE", "T1", "100.00")), "0.00"));
    }

    @Test
    void whatThePayerSaysComesBeforeTheLegalOrder() {
        fixture.given(registered(),
                        invoiced("INV-LATE", "500.00", "2026-10-15"),
                        invoiced("INV-EARLY", "300.00", "2026-09-30"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("600.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(new AllocationInstruction("INV-LATE", cny("500.00")))))
                .expectEvents(paidToday("P1", "600.00",
                        List.of(principal("INV-LATE", "T1", "500.00"), principal("INV-EARLY", "T1", "100.00")), "0.00"));
    }

    @Test
    void anInstructionCannotAllocateMoreThanIsOpenOnTheInvoice() {
        fixture.given(registered(), invoiced("INV-1", "100.00", "2026-10-15"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("600.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(new AllocationInstruction("INV-1", cny("500.00")))))
                .expectNoEvents()
                .expectException(refusedBy(Rule.ALLOCATION_EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void anExcessIsKeptAsUnappliedCredit() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("500.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P1", "500.00", List.of(principal("INV-1", "T1", "300.00")), "200.00"));
    }

    @Test
    void aPaymentInAnotherCurrencyIsNotSetAgainstInvoicesInThisOne() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, io.collectionsledger.contracts.shared.Money.of("50.00", "EUR"),
                        RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(new PaymentRecorded(CUSTOMER, "P1", TODAY, io.collectionsledger.contracts.shared.Money.of("50.00", "EUR"),
                        RecordPayment.Method.BANK_TRANSFER, null, List.of(), io.collectionsledger.contracts.shared.Money.of("50.00", "EUR")));
    }

    @Test
    void aReversedPaymentReopensWhatItPaidAndTakesBackItsExcess() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"),
                        paidToday("P1", "500.00", List.of(principal("INV-1", "T1", "300.00")), "200.00"))
                .when(new ReversePayment(CUSTOMER, "P1", TODAY, "postdated cheque bounced"))
                .expectEvents(new PaymentReversed(CUSTOMER, "P1", TODAY, "postdated cheque bounced", cny("500.00"),
                        List.of(principal("INV-1", "T1", "300.00")), cny("200.00")));
    }

    @Test
    void afterAReversalTheNextPaymentPaysTheReopenedTermAgain() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"),
                        paidToday("P1", "300.00", List.of(principal("INV-1", "T1", "300.00")), "0.00"),
                        new PaymentReversed(CUSTOMER, "P1", TODAY, "bounced", cny("300.00"),
                                List.of(principal("INV-1", "T1", "300.00")), cny("0.00")))
                .when(new RecordPayment(CUSTOMER, "P2", TODAY, cny("300.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P2", "300.00", List.of(principal("INV-1", "T1", "300.00")), "0.00"));
    }

    @Test
    void aPaymentIsReversedOnlyOnce() {
        fixture.given(registered(), paidToday("P1", "300.00", List.of(), "300.00"),
                        new PaymentReversed(CUSTOMER, "P1", TODAY, "bounced", cny("300.00"), List.of(), cny("300.00")))
                .when(new ReversePayment(CUSTOMER, "P1", TODAY, "bounced again"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.PAYMENT_ALREADY_REVERSED));
    }

    @Test
    void unappliedCreditIsAppliedInTheLegalOrder() {
        fixture.given(registered(), paidToday("P1", "500.00", List.of(), "500.00"), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new ApplyUnappliedCredit(CUSTOMER, "A1", TODAY, cny("300.00"), null))
                .expectEvents(new UnappliedCreditApplied(CUSTOMER, "A1", TODAY, cny("300.00"),
                        List.of(principal("INV-1", "T1", "300.00")), null));
    }

    @Test
    void noMoreUnappliedCreditIsAppliedThanThereIs() {
        fixture.given(registered(), paidToday("P1", "100.00", List.of(), "100.00"), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new ApplyUnappliedCredit(CUSTOMER, "A1", TODAY, cny("300.00"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.INSUFFICIENT_UNAPPLIED_CREDIT));
    }

    @Test
    void noMoreUnappliedCreditIsRefundedThanThereIs() {
        fixture.given(registered(), paidToday("P1", "100.00", List.of(), "100.00"))
                .when(new RefundUnappliedCredit(CUSTOMER, "R1", TODAY, cny("100.01"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.INSUFFICIENT_UNAPPLIED_CREDIT));
    }

    @Test
    void unappliedCreditIsRefunded() {
        fixture.given(registered(), paidToday("P1", "100.00", List.of(), "100.00"))
                .when(new RefundUnappliedCredit(CUSTOMER, "R1", TODAY, cny("100.00"), "bank ref 77"))
                .expectEvents(new UnappliedCreditRefunded(CUSTOMER, "R1", TODAY, cny("100.00"), "bank ref 77"));
    }

    @Test
    void thePayersInstructionsCannotAllocateMoreThanThePayment() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"), invoiced("INV-2", "300.00", "2026-10-15"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("400.00"), RecordPayment.Method.BANK_TRANSFER, null,
                        List.of(new AllocationInstruction("INV-1", cny("300.00")), new AllocationInstruction("INV-2", cny("200.00")))))
                .expectNoEvents()
                .expectException(refusedBy(Rule.ALLOCATIONS_EXCEED_AMOUNT));
    }

    @Test
    void anInstructionIsInThePaymentsCurrency() {
        fixture.given(registered(), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, io.collectionsledger.contracts.shared.Money.of("100.00", "EUR"),
                        RecordPayment.Method.BANK_TRANSFER, null, List.of(new AllocationInstruction("INV-1", cny("100.00")))))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CURRENCY_MISMATCH));
    }

    @Test
    void unappliedCreditIsAppliedOnlyToWhatIsOpen() {
        fixture.given(registered(), paidToday("P1", "500.00", List.of(), "500.00"), invoiced("INV-1", "300.00", "2026-10-15"))
                .when(new ApplyUnappliedCredit(CUSTOMER, "A1", TODAY, cny("400.00"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CREDIT_EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void onlyARecordedPaymentIsReversed() {
        fixture.given(registered())
                .when(new ReversePayment(CUSTOMER, "P9", TODAY, "bounced"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_PAYMENT))
                .expectExceptionMessage("no payment P9 was recorded for " + CUSTOMER);
    }
}
