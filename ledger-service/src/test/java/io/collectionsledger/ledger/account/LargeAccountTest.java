package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.shared.AccountEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/**
 * An account with 500 invoices, most of them paid, loads from its events and still allocates a
 * payment to the debt that fell due first. It prints how long loading and handling took, so a
 * change to how the account is built from its events can be compared run against run.
 */
class LargeAccountTest extends AccountFixture {

    private static final int INVOICES = 500;
    private static final int ROUNDS = 8;

    @Test
    void aPaymentOnAnAccountWithFiveHundredInvoicesGoesToTheOldestOpenOne() {
        List<AccountEvent> history = new ArrayList<>();
        history.add(registered());
        history.add(contractWithStagedTerms());
        for (int i = 0; i < INVOICES; i++) {
            String invoiceId = "INV-%03d".formatted(i);
            history.add(invoiced(invoiceId, "100.00", "2026-01-01"));
            if (i < INVOICES - 1) {
                history.add(paidToday("P-%03d".formatted(i), "100.00", List.of(principal(invoiceId, "T1", "100.00")), "0.00"));
            }
        }
        String lastInvoice = "INV-%03d".formatted(INVOICES - 1);

        // the first rounds warm the JVM up; each round is a fresh fixture
        for (int round = 1; round <= ROUNDS; round++) {
            setUpFixture();
            long started = System.nanoTime();
            fixture.given(history)
                    .when(new RecordPayment(CUSTOMER, "P-LAST", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                    .expectEvents(paidToday("P-LAST", "100.00", List.of(principal(lastInvoice, "T1", "100.00")), "0.00"));
            System.out.printf("LargeAccountTest round %d: %d events loaded and a payment handled in %d ms%n",
                    round, history.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
