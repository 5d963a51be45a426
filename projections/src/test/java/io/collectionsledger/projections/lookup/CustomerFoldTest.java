package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.projections.shared.LegalLateFeeCapsRecorded;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility;
import io.collectionsledger.contracts.customer.ResponsiblePersonChanged;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.lookup.CustomerFile;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.lookup.Invoice;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerFoldTest {

    /** No legal cap recorded: the contract's cap alone holds the late fees. */
    private static final LegalLateFeeCaps NO_LEGAL_CAP = LegalLateFeeCapsRecorded.of(java.util.Map.of());

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private final List<CustomerFold.Fact> facts = List.of(
            fact(new CustomerRegistered("C-1", "Hengda", null, LocalDate.parse("2026-01-05"), CreditFile.empty()), 0),
            fact(new InvoiceIssued("C-1", "INV-1", null, LocalDate.parse("2026-09-01"), cny("1000.00"),
                    List.of(new InvoiceTerm("T1", cny("400.00"), LocalDate.parse("2026-10-01")),
                            new InvoiceTerm("T2", cny("600.00"), LocalDate.parse("2026-12-01"))), List.of(), null), 1),
            fact(new PaymentRecorded("C-1", "P-1", LocalDate.parse("2026-11-10"), cny("500.00"), RecordPayment.Method.CHEQUE, null,
                    List.of(principal("T1", "400.00"), principal("T2", "50.00")), cny("50.00")), 2),
            fact(new PaymentReversed("C-1", "P-1", LocalDate.parse("2026-11-12"), "bounced", cny("500.00"),
                    List.of(principal("T1", "400.00"), principal("T2", "50.00")), cny("50.00")), 3));

    @Test
    void aReversedPaymentReopensWhatItPaidAndTakesBackItsCredit() {
        CustomerRecords records = CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), facts, NO_LEGAL_CAP);

        Invoice invoice = records.invoices().get(0);
        assertThat(invoice.open()).isEqualTo(cny("1000.00"));
        assertThat(invoice.overdue()).isEqualTo(cny("400.00"));
        assertThat(invoice.terms().get(0).daysPastDue()).isEqualTo(54);
        assertThat(invoice.allocations()).extracting(Invoice.AllocationReceived::source)
                .containsExactly(Invoice.AllocationReceived.Source.PAYMENT, Invoice.AllocationReceived.Source.PAYMENT,
                        Invoice.AllocationReceived.Source.PAYMENT_REVERSAL, Invoice.AllocationReceived.Source.PAYMENT_REVERSAL);
        assertThat(records.payments().get(0).reversal().reason()).isEqualTo("bounced");
        assertThat(records.file().totals()).extracting(CustomerFile.CurrencyTotals::unappliedCredit).containsExactly(cny("0.00"));
    }

    /** What the account records for a payment dated before its invoice (issue 17): credit until the invoice, the payment's on its date. */
    @Test
    void aPaymentDatedBeforeItsInvoiceIsCreditUntilTheInvoiceAndThenPaysItOnTheInvoicesDate() {
        List<CustomerFold.Fact> backDated = List.of(facts.get(0), facts.get(1),
                fact(new PaymentRecorded("C-1", "P-1", LocalDate.parse("2026-08-25"), cny("100.00"), RecordPayment.Method.CHEQUE, null,
                        List.of(), cny("100.00")), 2),
                fact(new UnappliedCreditApplied("C-1", "_P-1@2026-09-01", LocalDate.parse("2026-09-01"), cny("100.00"),
                        List.of(principal("T1", "100.00")), "P-1"), 2));

        CustomerRecords before = CustomerFold.fold("C-1", LocalDate.parse("2026-08-31"), T0.plusSeconds(60), backDated, NO_LEGAL_CAP);
        CustomerRecords after = CustomerFold.fold("C-1", LocalDate.parse("2026-09-01"), T0.plusSeconds(60), backDated, NO_LEGAL_CAP);

        assertThat(before.invoices()).isEmpty();
        assertThat(before.file().totals()).extracting(CustomerFile.CurrencyTotals::unappliedCredit).containsExactly(cny("100.00"));
        assertThat(after.invoices().get(0).open()).isEqualTo(cny("900.00"));
        assertThat(after.invoices().get(0).allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.source()).isEqualTo(Invoice.AllocationReceived.Source.PAYMENT);
            assertThat(allocation.sourceId()).isEqualTo("P-1");
            assertThat(allocation.occurredOn()).isEqualTo(LocalDate.parse("2026-09-01"));
        });
        assertThat(after.file().totals()).extracting(CustomerFile.CurrencyTotals::unappliedCredit).containsExactly(cny("0.00"));
    }

    @Test
    void asKnownBeforeTheReversalThePaymentStands() {
        CustomerRecords records = CustomerFold.fold("C-1", TODAY, T0.plusSeconds(2), facts, NO_LEGAL_CAP);

        assertThat(records.invoices().get(0).open()).isEqualTo(cny("550.00"));
        assertThat(records.payments().get(0).reversal()).isNull();
        assertThat(records.file().totals().get(0).unappliedCredit()).isEqualTo(cny("50.00"));
    }

    @Test
    void asOfADateBeforeThePaymentNothingIsPaidAndAsOfOneBeforeRegistrationThereIsNoCustomer() {
        assertThat(CustomerFold.fold("C-1", LocalDate.parse("2026-11-09"), T0.plusSeconds(60), facts, NO_LEGAL_CAP).invoices().get(0).open())
                .isEqualTo(cny("1000.00"));
        assertThat(CustomerFold.fold("C-1", LocalDate.parse("2026-01-04"), T0.plusSeconds(60), facts, NO_LEGAL_CAP)).isNull();
    }

    @Test
    void aPlanMovesPrincipalOffTheTermsIntoInstallmentsWhoseInterestStandsAsLateFees() {
        List<CustomerFold.Fact> planned = new java.util.ArrayList<>(facts.subList(0, 2));
        planned.add(fact(new PaymentPlanAgreed("C-1", "PL-1", LocalDate.parse("2026-11-15"), List.of("INV-1"),
                List.of(principal("T1", "400.00")),
                List.of(new Installment("I1", cny("400.00"), cny("4.00"), LocalDate.parse("2026-12-15"))), false, "plan.pdf"), 2));

        CustomerRecords records = CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), planned, NO_LEGAL_CAP);

        assertThat(records.invoices().get(0).terms().get(0).rescheduled()).isEqualTo(cny("400.00"));
        assertThat(records.invoices().get(0).open()).isEqualTo(cny("600.00"));
        assertThat(records.plans().get(0).open()).isEqualTo(cny("400.00"));
        CustomerFile.CurrencyTotals totals = records.file().totals().get(0);
        assertThat(totals.open()).isEqualTo(cny("1000.00"));
        assertThat(totals.overdue()).isEqualTo(cny("0.00"));
        assertThat(totals.lateFeesOpen()).isEqualTo(cny("4.00"));
    }

    @Test
    void lateFeesTakenBackLeaveTheTermsFeesAndWhatHadPaidThemIsCredit() {
        List<CustomerFold.Fact> corrected = new java.util.ArrayList<>(facts.subList(0, 2));
        corrected.add(fact(new LateFeesAccrued("C-1", LocalDate.parse("2026-10-31"), List.of(
                new LateFeeAccrual("INV-1", "T1", cny("6.00"), 30, LocalDate.parse("2026-10-31"), false))), 2));
        corrected.add(fact(new PaymentRecorded("C-1", "P-2", LocalDate.parse("2026-11-01"), cny("4.00"), RecordPayment.Method.CHEQUE, null,
                List.of(new Allocation("INV-1", "T1", Allocation.Component.LATE_FEES, cny("4.00"))), cny("0.00")), 3));
        corrected.add(fact(new LateFeesCorrected("C-1", LocalDate.parse("2026-11-02"), List.of(new LateFeeCorrection("INV-1", "T1",
                LocalDate.parse("2026-10-31"), cny("6.00"), cny("1.00"), cny("5.00"), cny("3.00"))), "above the legal cap"), 4));

        CustomerRecords records = CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), corrected, NO_LEGAL_CAP);

        Invoice invoice = records.invoices().get(0);
        assertThat(invoice.terms().get(0).lateFeesAccrued()).isEqualTo(cny("1.00"));
        assertThat(invoice.terms().get(0).lateFeesOpen()).isEqualTo(cny("0.00"));
        assertThat(invoice.lateFeesOpen()).isEqualTo(cny("0.00"));
        assertThat(invoice.lateFeeCorrections()).singleElement().satisfies(correction -> {
            assertThat(correction.takenBack()).isEqualTo(cny("5.00"));
            assertThat(correction.reason()).isEqualTo("above the legal cap");
        });
        assertThat(records.file().totals().get(0).lateFeesOpen()).isEqualTo(cny("0.00"));
        assertThat(records.file().totals().get(0).unappliedCredit()).isEqualTo(cny("3.00"));
        assertThat(CustomerFold.fold("C-1", LocalDate.parse("2026-11-01"), T0.plusSeconds(60), corrected, NO_LEGAL_CAP).file().totals().get(0)
                .lateFeesOpen()).as("before the correction").isEqualTo(cny("2.00"));
    }

    @Test
    void theFileShowsTheSignsFlaggedAndWhoAnswersForTheCustomerNowWithEveryChangeOfIt() {
        List<CustomerFold.Fact> told = List.of(
                fact(new CustomerRegistered("C-1", "Hengda", null, LocalDate.parse("2026-01-05"), new CreditFile(null, null, null, null, null,
                        null, null, null, null, null, "Zhang Min, CFO")), 0),
                fact(new EarlyWarningFlagged("C-1", "W-1", LocalDate.parse("2026-11-02"), EarlyWarningSignal.RELOCATION, "moved to Suzhou"), 1),
                fact(new ResponsiblePersonChanged("C-1", "RC-1", LocalDate.parse("2026-11-03"), Responsibility.RESPONSIBLE_FOR_PAYMENT,
                        "Zhang Min, CFO", "Li Hua", "business registration extract"), 2));

        CustomerFile file = CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), told, NO_LEGAL_CAP).file();

        assertThat(file.responsible()).isEqualTo(new CustomerFile.Responsible(null, "Li Hua"));
        assertThat(file.creditFile().responsibleForPayment()).as("the credit file as registered").isEqualTo("Zhang Min, CFO");
        assertThat(file.earlyWarnings()).extracting(CustomerFile.EarlyWarning::warningId, CustomerFile.EarlyWarning::signal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("W-1", EarlyWarningSignal.RELOCATION));
        assertThat(file.responsiblePersonChanges()).extracting(CustomerFile.ResponsiblePersonChange::previous,
                        CustomerFile.ResponsiblePersonChange::person, CustomerFile.ResponsiblePersonChange::recordedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Zhang Min, CFO", "Li Hua", T0.plusSeconds(2)));

        CustomerFile before = CustomerFold.fold("C-1", LocalDate.parse("2026-11-02"), T0.plusSeconds(60), told, NO_LEGAL_CAP).file();
        assertThat(before.responsible().responsibleForPayment()).as("as of the day before the change").isEqualTo("Zhang Min, CFO");
        assertThat(before.responsiblePersonChanges()).isEmpty();
        assertThat(before.earlyWarnings()).hasSize(1);
    }

    @Test
    void theFileShowsTheCorrespondenceAddressInForceOnTheDateEvenWhenAnEarlierOneWasRecordedLater() {
        List<CustomerFold.Fact> moved = new java.util.ArrayList<>(facts.subList(0, 1));
        moved.add(fact(new CorrespondenceAddressRecorded("C-1", LocalDate.parse("2026-10-01"), "北京市朝阳区建国路 1 号", "100022", "Li Si", null), 1));
        moved.add(fact(new CorrespondenceAddressRecorded("C-1", LocalDate.parse("2026-02-01"), "上海市张江路 88 号", null, "Zhang San", null), 2));

        assertThat(CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), moved, NO_LEGAL_CAP).file().correspondenceAddress().contactPerson())
                .isEqualTo("Li Si");
        assertThat(CustomerFold.fold("C-1", LocalDate.parse("2026-09-30"), T0.plusSeconds(60), moved, NO_LEGAL_CAP).file().correspondenceAddress())
                .satisfies(address -> {
                    assertThat(address.contactPerson()).isEqualTo("Zhang San");
                    assertThat(address.since()).isEqualTo(LocalDate.parse("2026-02-01"));
                    assertThat(address.recordedAt()).isEqualTo(T0.plusSeconds(2));
                });
        assertThat(CustomerFold.fold("C-1", TODAY, T0.plusSeconds(60), facts, NO_LEGAL_CAP).file().correspondenceAddress()).isNull();
    }

    private static CustomerFold.Fact fact(io.collectionsledger.contracts.shared.AccountEvent event, int second) {
        return new CustomerFold.Fact(event, T0.plusSeconds(second));
    }

    private static Allocation principal(String termId, String amount) {
        return new Allocation("INV-1", termId, Allocation.Component.PRINCIPAL, cny(amount));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
