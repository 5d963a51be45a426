package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.FlagEarlyWarning;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.collection.SuspendSupply;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.RecordCorrespondenceAddress;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.RecordDelivery;
import io.collectionsledger.contracts.delivery.SignedReceipt;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
import io.collectionsledger.contracts.payment.AllocationInstruction;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.promise.AgreePaymentPlan;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.CUSTOMER;
import static io.collectionsledger.ledger.account.Accounts.TODAY;
import static io.collectionsledger.ledger.account.Accounts.cny;

/**
 * A year of one customer that leaves something in every part of the account: a contract with late
 * fees and staged terms, deliveries (one corrected), invoices paid early, late, in part, back-dated
 * and reversed, credit notes, a write-off and a recovery, a payment plan, promises kept and open,
 * disputes open and resolved, letters sent and delivered, a statement, contacts, a guarantee, an
 * asset lead, a lawsuit open and one closed, a credit limit raised by early payments, supply
 * suspended, credit in another currency refunded and applied, and the closes that record stages,
 * late fees (and their correction after a payment dated back) and order holds.
 */
final class RichAccount {

    private RichAccount() {
    }

    static List<AccountCommand> commands() {
        return List.of(
                new RegisterCustomer(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X", day("2026-01-05"),
                        new CreditFile(day("2009-03-01"), null, null, null, null, null, null, null, null, null, "Zhang Min, CFO")),
                new SetCreditLimit(CUSTOMER, day("2026-01-06"), cny("100000.00"), "opening limit"),
                new AssignCollector(CUSTOMER, day("2026-01-06"), "collector-li", ReminderTier.B),
                new RecordResponsiblePersonChange(CUSTOMER, "RPC-1", day("2026-01-07"), RecordResponsiblePersonChange.Responsibility.LEGAL_REPRESENTATIVE,
                        "Li Lei", "business registry"),
                new RecordCorrespondenceAddress(CUSTOMER, day("2026-01-07"), "1 Century Avenue, Shanghai", "200120", "Wang Wei", "021-5555-0101"),
                new FlagEarlyWarning(CUSTOMER, "W-1", day("2026-01-08"), EarlyWarningSignal.REPEATED_EXTENSION_REQUESTS, "asked twice"),
                new IssueInvoice(CUSTOMER, "INV-8", null, day("2026-01-08"), cny("900.00"), List.of(
                        new InvoiceTerm("T1", cny("300.00"), day("2026-01-20")), new InvoiceTerm("T2", cny("300.00"), day("2026-01-25")),
                        new InvoiceTerm("T3", cny("300.00"), day("2026-01-30"))), List.of(), "INV-8.pdf"),
                paid("P-E1", "2026-01-10", "300.00", "INV-8"),
                paid("P-E2", "2026-01-12", "300.00", "INV-8"),
                paid("P-E3", "2026-01-14", "300.00", "INV-8"),
                new RecordContract(CUSTOMER, "K-1", day("2026-02-01"), List.of(new ValidityEvidence(ValidityEvidence.Kind.COUNTERPARTY_STAMP, "K-1.pdf", null)),
                        List.of(new PaymentTerm("ADV", new BigDecimal("30"), PaymentTerm.Trigger.ADVANCE, 0),
                                new PaymentTerm("ACC", new BigDecimal("60"), PaymentTerm.Trigger.ON_ACCEPTANCE, 30),
                                new PaymentTerm("WAR", new BigDecimal("10"), PaymentTerm.Trigger.AFTER_WARRANTY, 365)),
                        new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                        new DisputeClause(DisputeClause.Forum.LITIGATION, "Shanghai Pudong People's Court"), "K-1.pdf"),
                new RecordDelivery(CUSTOMER, "D-1", day("2026-02-20"), new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "40 t cement",
                        cny("10000.00"), new SignedReceipt("Wang Wei", day("2026-02-20"), "DN-1.pdf"), null)),
                new RecordDelivery(CUSTOMER, "D-2", day("2026-02-25"), new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "20 t cement",
                        cny("5000.00"), null, "the driver did not bring the receipt back")),
                new CorrectDelivery(CUSTOMER, "D-2", day("2026-03-02"), "receipt found", new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1",
                        "20 t cement", cny("5000.00"), new SignedReceipt("Wang Wei", day("2026-02-25"), "DN-2.pdf"), null)),
                new IssueInvoice(CUSTOMER, "INV-1", "K-1", day("2026-03-01"), cny("10000.00"), List.of(), List.of("D-1"), "INV-1.pdf"),
                new IssueInvoice(CUSTOMER, "INV-2", null, day("2026-04-01"), cny("5000.00"), List.of(new InvoiceTerm("T1", cny("5000.00"), day("2026-05-01"))),
                        List.of(), "INV-2.pdf"),
                new IssueInvoice(CUSTOMER, "INV-3", "K-1", day("2026-05-01"), cny("8000.00"), List.of(new InvoiceTerm("T1", cny("4000.00"), day("2026-05-31")),
                        new InvoiceTerm("T2", cny("4000.00"), day("2026-06-30"))), List.of("D-2"), "INV-3.pdf"),
                new IssueCreditNote(CUSTOMER, "INV-3", "CN-1", day("2026-05-10"), cny("500.00"), "T2", "short delivery"),
                new IssueInvoice(CUSTOMER, "INV-4", null, day("2026-06-01"), cny("3000.00"), List.of(new InvoiceTerm("T1", cny("3000.00"), day("2026-07-01"))),
                        List.of(), "INV-4.pdf"),
                new IssueInvoice(CUSTOMER, "INV-5", null, day("2026-06-15"), cny("2000.00"), List.of(new InvoiceTerm("T1", cny("2000.00"), day("2026-07-15"))),
                        List.of(), "INV-5.pdf"),
                new CloseBusinessDay(CUSTOMER, day("2026-05-31")),
                paid("P-1", "2026-03-05", "3000.00", null),
                paid("P-2", "2026-06-10", "1000.00", "INV-2"),
                new RecordPaymentPromise(CUSTOMER, "PTP-1", day("2026-06-20"), cny("1000.00"), day("2026-06-30"), RecordPaymentPromise.Form.SPOKEN,
                        "collector-li", List.of("INV-3"), null),
                paid("P-3", "2026-06-28", "1200.00", "INV-3"),
                paid("P-4", "2026-07-01", "500.00", "INV-2"),
                new ReversePayment(CUSTOMER, "P-4", day("2026-07-03"), "cheque bounced"),
                new RaiseDispute(CUSTOMER, "DSP-1", day("2026-07-10"), "INV-3", cny("300.00"), DisputeReason.QUALITY, "cracked bags"),
                new AgreePaymentPlan(CUSTOMER, "PLAN-1", day("2026-08-01"), List.of("INV-5"), List.of(
                        new Installment("I1", cny("1000.00"), cny("10.00"), day("2026-09-01")),
                        new Installment("I2", cny("1000.00"), cny("10.00"), day("2026-10-01"))), false, "PLAN-1.pdf"),
                new ResolveDispute(CUSTOMER, "DSP-1", day("2026-08-10"), ResolveDispute.Resolution.REJECTED, "bags were fine"),
                new SendDunningLetter(CUSTOMER, "L-1", day("2026-08-15"), 1, List.of("INV-3"), cny("1000.00"), cny("0.00"), day("2026-08-30"), true,
                        "SF Express", "SF1001", "L-1.pdf", null),
                new ConfirmDunningLetterDelivery(CUSTOMER, "L-1", day("2026-08-17"), "front desk", "SF1001-proof.pdf"),
                new CloseBusinessDay(CUSTOMER, day("2026-08-31")),
                paid("P-5", "2026-04-15", "2000.00", "INV-1"),
                new RecordPayment(CUSTOMER, "P-EUR", day("2026-08-20"), eur("2000.00"), RecordPayment.Method.BANK_TRANSFER, "SWIFT-1", null),
                new RefundUnappliedCredit(CUSTOMER, "R-1", day("2026-08-25"), eur("300.00"), "refund SWIFT-2"),
                new IssueInvoice(CUSTOMER, "INV-6", null, day("2026-09-01"), eur("1000.00"), List.of(new InvoiceTerm("T1", eur("1000.00"), day("2026-10-01"))),
                        List.of(), "INV-6.pdf"),
                new ApplyUnappliedCredit(CUSTOMER, "A-1", day("2026-09-05"), eur("600.00"), List.of()),
                new FileLawsuit(CUSTOMER, "CASE-2", day("2026-09-05"), DisputeClause.Forum.LITIGATION, "Pudong court", List.of("INV-1"), cny("4000.00"),
                        false, "CASE-2.pdf"),
                new RaiseDispute(CUSTOMER, "DSP-2", day("2026-09-10"), "INV-1", cny("200.00"), DisputeReason.PRICE, "price list"),
                new RecordLegalStep(CUSTOMER, "CASE-2", "ST-2", day("2026-09-20"), LegalStep.CASE_CLOSED, null, "withdrawn", "ST-2.pdf"),
                new ConfirmReconciliationStatement(CUSTOMER, "S-1", day("2026-09-30"), day("2026-09-30"), cny("5000.00"), "Zhang Min", "S-1.pdf"),
                new WriteOffReceivable(CUSTOMER, "INV-4", "WO-1", day("2026-10-01"), cny("3000.00"), "uncollectable"),
                new SuspendSupply(CUSTOMER, day("2026-10-01"), "long overdue"),
                new LogContactAttempt(CUSTOMER, "C-1", day("2026-10-05"), "collector-li", Channel.PHONE, "Zhang Min", ContactOutcome.REACHED_NO_COMMITMENT,
                        null, null, null),
                new RecordGuarantee(CUSTOMER, "G-1", day("2026-10-10"), RecordGuarantee.Kind.PERSONAL_GUARANTEE, "Zhang San", cny("5000.00"), null, "G-1.pdf"),
                new RecordAssetLead(CUSTOMER, "AL-1", day("2026-10-12"), RecordAssetLead.Kind.BANK_ACCOUNT, "ICBC account", "bank statement"),
                new SendDunningLetter(CUSTOMER, "L-2", day("2026-10-15"), 2, List.of("INV-3"), cny("500.00"), cny("0.00"), day("2026-10-30"), true,
                        "SF Express", "SF1002", "L-2.pdf", null),
                new FileLawsuit(CUSTOMER, "CASE-1", day("2026-10-20"), DisputeClause.Forum.LITIGATION, "Pudong court", List.of("INV-3"), cny("3000.00"),
                        false, "CASE-1.pdf"),
                new RecordLegalStep(CUSTOMER, "CASE-1", "ST-1", day("2026-10-25"), LegalStep.HEARING_HELD, null, "first hearing", "ST-1.pdf"),
                new RecordRecoveryAfterWriteOff(CUSTOMER, "INV-4", "RV-1", day("2026-11-01"), cny("1000.00"), "bank transfer"),
                new RecordPaymentPromise(CUSTOMER, "PTP-2", day("2026-11-01"), cny("500.00"), day("2026-11-30"), RecordPaymentPromise.Form.WRITTEN,
                        "collector-li", List.of(), "PTP-2.pdf"),
                new CloseBusinessDay(CUSTOMER, TODAY));
    }

    private static RecordPayment paid(String paymentId, String on, String amount, String invoiceId) {
        return new RecordPayment(CUSTOMER, paymentId, day(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, "BANK-" + paymentId,
                invoiceId == null ? null : List.of(new AllocationInstruction(invoiceId, cny(amount))));
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
