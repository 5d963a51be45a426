package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.lookup.CustomerFile;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.Invoice;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.projections.shared.LegalLateFeeCapsRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's file as of any date owes the late fees accrued to that date, though the ledger records
 * them only when it must fix an amount: each day past due, that day's open principal times the contract's
 * daily rate, summed and rounded once, under the contract's cap and the legal cap of each day. The
 * expected amounts are worked out by hand.
 */
class CustomerFileLateFeesAccruedTest {

    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-09-30");
    private static final LegalLateFeeCaps NO_LEGAL_CAP = LegalLateFeeCapsRecorded.of(Map.of());

    private final List<CustomerFold.Fact> facts = new ArrayList<>(List.of(
            fact(new CustomerRegistered("C-1", "Hengda", null, LocalDate.parse("2026-01-05"), CreditFile.empty())),
            fact(new ContractRecorded("C-1", "K-1", LocalDate.parse("2026-01-05"), List.of(), List.of(),
                    new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("10"), false), null, null))));

    /** 1,234.57 at 0.05 % a day is 0.617285 a day: rounded once, not day by day (0.62 a day would make 3 days 1.86). */
    @ParameterizedTest(name = "as of {0}: fees {1}")
    @CsvSource({
            "2026-09-30, 0.00",    // the due date itself: nothing accrued
            "2026-10-01, 0.62",    // 1 day: 0.617285
            "2026-10-03, 1.85",    // 3 days: 1.851855
            "2026-10-10, 6.17",    // 10 days: 6.17285
            "2026-10-17, 10.49"})  // 17 days: 10.493845
    void aTermOverdueForPartOfAMonthWithNoFeeRecordedOwesTheFeesOfEachDay(LocalDate asOf, String fees) {
        issue("1234.57");

        CustomerRecords records = fold(asOf, NO_LEGAL_CAP);

        Invoice invoice = records.invoices().get(0);
        assertThat(invoice.lateFeesOpen()).isEqualTo(cny(fees));
        assertThat(invoice.terms().get(0).lateFeesAccrued()).isEqualTo(cny(fees));
        assertThat(invoice.terms().get(0).lateFeesOpen()).isEqualTo(cny(fees));
        assertThat(records.file().totals()).extracting(CustomerFile.CurrencyTotals::lateFeesOpen).containsExactly(cny(fees));
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
        issue("1234.57");
        facts.add(fact(new LateFeesAccrued("C-1", LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("19.14"), 31, LocalDate.parse("2026-10-31"), false)))));
        facts.add(fact(new CreditNoteIssued("C-1", "INV-1", "CN-1", LocalDate.parse("2026-11-11"), cny("234.57"), "short delivery",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("234.57"))))));

        assertThat(fold(asOf, NO_LEGAL_CAP).invoices().get(0).lateFeesOpen()).isEqualTo(cny(fees));
    }

    /**
     * 10,000.00 at 0.05 % a day is 5.00 a day; the legal cap at 10 % a year holds it to 2.739726... a day,
     * until 36.5 % a year (10.00 a day) takes effect on 11 October: from then the fees grow 5.00 a day from
     * where the old cap held them.
     */
    @Test
    void theLegalCapOfEachDayHoldsTheFees() {
        issue("10000.00");
        LegalLateFeeCaps legalCaps = LegalLateFeeCapsRecorded.of(Map.of(LocalDate.parse("2020-01-01"), new BigDecimal("10"),
                LocalDate.parse("2026-10-11"), new BigDecimal("36.5")));

        assertThat(fold(LocalDate.parse("2026-10-10"), legalCaps).invoices().get(0).lateFeesOpen()).isEqualTo(cny("27.40"));
        assertThat(fold(LocalDate.parse("2026-10-20"), legalCaps).invoices().get(0).lateFeesOpen()).isEqualTo(cny("77.40"));
    }

    @Test
    void aWrittenOffInvoiceAccruesNothingFromItsWriteOffNorAnInvoiceWithoutContract() {
        issue("1234.57");
        facts.add(fact(new LateFeesAccrued("C-1", LocalDate.parse("2026-10-10"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("6.17"), 10, LocalDate.parse("2026-10-10"), false)))));
        facts.add(fact(new ReceivableWrittenOff("C-1", "INV-1", "WO-1", LocalDate.parse("2026-10-10"), cny("1000.00"), "insolvent",
                List.of(new Allocation("INV-1", "T1", PRINCIPAL, cny("1000.00"))))));
        facts.add(fact(new InvoiceIssued("C-1", "INV-2", null, DUE.minusDays(30), cny("500.00"),
                List.of(new InvoiceTerm("T1", cny("500.00"), DUE)), List.of(), null)));

        CustomerRecords records = fold(LocalDate.parse("2026-11-30"), NO_LEGAL_CAP);

        assertThat(records.invoices()).extracting(Invoice::lateFeesOpen).containsExactly(cny("6.17"), cny("0.00"));
        assertThat(fold(LocalDate.parse("2026-10-09"), NO_LEGAL_CAP).invoices().get(0).lateFeesOpen()).isEqualTo(cny("5.56"));   // 9 days: 5.555565
    }

    private void issue(String amount) {
        facts.add(fact(new InvoiceIssued("C-1", "INV-1", "K-1", DUE.minusDays(30), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), DUE)), List.of(), null)));
    }

    private CustomerRecords fold(LocalDate asOf, LegalLateFeeCaps legalCaps) {
        return CustomerFold.fold("C-1", asOf, T0.plusSeconds(3600), facts, legalCaps);
    }

    private CustomerFold.Fact fact(AccountEvent event) {
        return new CustomerFold.Fact(event, T0.plusSeconds(facts == null ? 0 : facts.size()));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
