package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Invoices, their staged terms, and credit notes (domain.md §1, §3). */
class InvoiceRulesTest extends AccountFixture {

    @Test
    void stagedTermsFallDueTheirDaysAfterTheInvoiceDateAndTheLastTakesTheRounding() {
        fixture.given(registered(), contractWithStagedTerms())
                .when(new IssueInvoice(CUSTOMER, "INV-1", CONTRACT, LocalDate.parse("2026-11-20"), cny("1000.01"), null, null, null))
                .expectEvents(new InvoiceIssued(CUSTOMER, "INV-1", CONTRACT, LocalDate.parse("2026-11-20"), cny("1000.01"),
                        List.of(new InvoiceTerm("ADVANCE", cny("300.00"), LocalDate.parse("2026-11-20")),
                                new InvoiceTerm("ACCEPTANCE", cny("600.01"), LocalDate.parse("2026-12-20")),
                                new InvoiceTerm("WARRANTY", cny("100.00"), LocalDate.parse("2027-11-20"))),
                        List.of(), null));
    }

    @Test
    void termsGivenOnTheInvoiceMustAddUpToIt() {
        fixture.given(registered())
                .when(new IssueInvoice(CUSTOMER, "INV-1", null, TODAY, cny("1000.00"),
                        List.of(new InvoiceTerm("T1", cny("300.00"), TODAY), new InvoiceTerm("T2", cny("600.00"), TODAY.plusDays(30))),
                        null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.TERMS_DO_NOT_ADD_UP))
                .expectExceptionMessage("the terms add up to 900.00 CNY, the invoice is for 1000.00 CNY");
    }

    @Test
    void anInvoiceWithoutTermsNeedsAContractThatHasThem() {
        fixture.given(registered())
                .when(new IssueInvoice(CUSTOMER, "INV-1", null, TODAY, cny("1000.00"), null, null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.NO_PAYMENT_TERMS));
    }

    @Test
    void anInvoiceCanOnlyNameDeliveriesThatWereRecorded() {
        fixture.given(registered(), contractWithStagedTerms(), delivered("D1", true))
                .when(new IssueInvoice(CUSTOMER, "INV-1", CONTRACT, TODAY, cny("1000.00"), null, List.of("D1", "D9"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_DELIVERY))
                .expectExceptionMessage("no delivery D9 was recorded for " + CUSTOMER);
    }

    @Test
    void aCreditNoteCannotExceedWhatIsOpen() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"),
                        paidToday("P1", "800.00", List.of(principal("INV-1", "T1", "800.00")), "0.00"))
                .when(new IssueCreditNote(CUSTOMER, "INV-1", "CN-1", TODAY, cny("200.01"), null, "damaged goods"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CREDIT_NOTE_EXCEEDS_OPEN_AMOUNT))
                .expectExceptionMessage("a credit note of 200.01 CNY exceeds the 200.00 CNY still open on invoice INV-1");
    }

    @Test
    void aCreditNoteReducesTheLatestDueTermsFirst() {
        fixture.given(registered(), contractWithStagedTerms(),
                        new InvoiceIssued(CUSTOMER, "INV-1", CONTRACT, LocalDate.parse("2026-11-01"), cny("1000.00"),
                                List.of(new InvoiceTerm("ADVANCE", cny("300.00"), LocalDate.parse("2026-11-01")),
                                        new InvoiceTerm("ACCEPTANCE", cny("600.00"), LocalDate.parse("2026-12-01")),
                                        new InvoiceTerm("WARRANTY", cny("100.00"), LocalDate.parse("2027-11-01"))),
                                List.of(), null))
                .when(new IssueCreditNote(CUSTOMER, "INV-1", "CN-1", TODAY, cny("150.00"), null, "price correction"))
                .expectEvents(new CreditNoteIssued(CUSTOMER, "INV-1", "CN-1", TODAY, cny("150.00"), "price correction",
                        List.of(principal("INV-1", "WARRANTY", "100.00"), principal("INV-1", "ACCEPTANCE", "50.00"))));
    }

    @Test
    void anInvoiceCanOnlyNameAContractThatWasRecorded() {
        fixture.given(registered())
                .when(new IssueInvoice(CUSTOMER, "INV-1", "K-9", TODAY, cny("1000.00"),
                        List.of(new InvoiceTerm("T1", cny("1000.00"), TODAY)), null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_CONTRACT))
                .expectExceptionMessage("no contract K-9 was recorded for " + CUSTOMER);
    }

    @Test
    void anInvoicesTermsAreInTheInvoicesCurrency() {
        fixture.given(registered())
                .when(new IssueInvoice(CUSTOMER, "INV-1", null, TODAY, cny("1000.00"),
                        List.of(new InvoiceTerm("T1", io.collectionsledger.contracts.shared.Money.of("1000.00", "EUR"), TODAY)), null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CURRENCY_MISMATCH));
    }

    @Test
    void aCreditNoteCanOnlyNameATermOfItsInvoice() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new IssueCreditNote(CUSTOMER, "INV-1", "CN-1", TODAY, cny("100.00"), "T9", "damaged goods"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_TERM));
    }
}
