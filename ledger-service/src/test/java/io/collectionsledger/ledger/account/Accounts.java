package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.delivery.SignedReceipt;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.contracts.receivable.Allocation.Component.PRINCIPAL;

/** Facts about one customer, ready to be given to a fixture. */
final class Accounts {

    static final String CUSTOMER = "CUST-004711";
    static final String CONTRACT = "K-2026-01";
    /** The fixture's today, in the ledger's business time zone. */
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private Accounts() {
    }

    static CustomerRegistered registered() {
        return new CustomerRegistered(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X",
                LocalDate.parse("2026-01-05"), CreditFile.empty());
    }

    /** 30% in advance, 60% on acceptance (30 days), 10% after the one-year warranty. */
    static ContractRecorded contractWithStagedTerms() {
        return new ContractRecorded(CUSTOMER, CONTRACT, LocalDate.parse("2026-02-01"),
                List.of(new ValidityEvidence(ValidityEvidence.Kind.COUNTERPARTY_STAMP, "DOC-K-1", null)),
                List.of(new PaymentTerm("ADVANCE", new BigDecimal("30"), PaymentTerm.Trigger.ADVANCE, 0),
                        new PaymentTerm("ACCEPTANCE", new BigDecimal("60"), PaymentTerm.Trigger.ON_ACCEPTANCE, 30),
                        new PaymentTerm("WARRANTY", new BigDecimal("10"), PaymentTerm.Trigger.AFTER_WARRANTY, 365)),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                new DisputeClause(DisputeClause.Forum.LITIGATION, "Shanghai Pudong People's Court"), "DOC-K-1");
    }

    static DeliveryRecorded delivered(String deliveryId, boolean signed) {
        return new DeliveryRecorded(CUSTOMER, deliveryId, LocalDate.parse("2026-03-01"),
                new DeliveryDetails(DeliveryDetails.Kind.GOODS, CONTRACT, "20 t cement", cny("10000.00"),
                        signed ? new SignedReceipt("Wang Wei, warehouse", LocalDate.parse("2026-03-01"), "DN-" + deliveryId) : null,
                        signed ? null : "driver did not bring the receipt back"));
    }

    /** An invoice with a single term. */
    static InvoiceIssued invoiced(String invoiceId, String amount, String dueDate) {
        return new InvoiceIssued(CUSTOMER, invoiceId, CONTRACT, LocalDate.parse("2026-03-01"), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), LocalDate.parse(dueDate))), List.of(), null);
    }

    static PaymentRecorded paidToday(String paymentId, String amount, List<Allocation> allocations, String unapplied) {
        return new PaymentRecorded(CUSTOMER, paymentId, TODAY, cny(amount),
                RecordPayment.Method.BANK_TRANSFER, null, allocations, cny(unapplied));
    }

    static Allocation principal(String invoiceId, String termId, String amount) {
        return new Allocation(invoiceId, termId, PRINCIPAL, cny(amount));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
