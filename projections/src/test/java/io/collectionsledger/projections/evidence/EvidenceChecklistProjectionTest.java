package io.collectionsledger.projections.evidence;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.delivery.SignedReceipt;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.evidence.Evidence;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceChecklistQuery;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.evidence.Proof;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.testing.EventFeed;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence checklist fed events directly, on a real PostgreSQL: the lawyer's steps, the limitation date, as of D and as known at T. */
class EvidenceChecklistProjectionTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-07-01");
    static DataSource dataSource;

    EvidenceChecklistProjection projection;
    EventFeed feed;
    String customer;

    @BeforeAll
    static void migrate() {
        dataSource = FreshDatabase.withReadModels();
    }

    @BeforeEach
    void setUp() {
        projection = new EvidenceChecklistProjection(new JdbcTemplate(dataSource));
        feed = new EventFeed(projection);
        customer = "C-" + UUID.randomUUID();
    }

    @Test
    void aDeliveryWithoutASignedReceiptLeavesTheReceiptItemMissingUntilACorrectionBringsOne() {
        contractAndInvoice();
        Instant correctedAt = NOW.plusSeconds(60);
        String correction = at(new DeliveryCorrected(customer, "D2", LocalDate.parse("2026-08-03"), "signed receipt found",
                unsigned(), signed("DN-D2.pdf")), correctedAt);

        EvidenceItem before = item(invoice("INV-1", LocalDate.parse("2026-08-02"), correctedAt), Evidence.SIGNED_DELIVERY_RECEIPTS);
        EvidenceItem knownBefore = item(invoice("INV-1", AS_OF, NOW), Evidence.SIGNED_DELIVERY_RECEIPTS);
        EvidenceItem after = item(invoice("INV-1", AS_OF, correctedAt), Evidence.SIGNED_DELIVERY_RECEIPTS);

        assertThat(before.present()).isFalse();
        assertThat(before.proofs()).extracting(Proof::documentRef).containsExactly("DN-D1.pdf");
        assertThat(before.gaps()).singleElement().asString().contains("D2").contains("driver did not bring it back");
        assertThat(knownBefore.present()).isFalse();
        assertThat(after.present()).isTrue();
        assertThat(after.proofs()).extracting(Proof::documentRef).containsExactly("DN-D1.pdf", "DN-D2.pdf");
        assertThat(after.proofs().get(1).eventId()).isEqualTo(correction);
        assertThat(invoice("INV-1", AS_OF, NOW).readiness().stillMissing()).contains(Evidence.SIGNED_DELIVERY_RECEIPTS);
    }

    @Test
    void anInvoiceThatNamesNoDeliveryHasNoReceiptToShow() {
        at(contract("K-1"), NOW);
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-06-01"), cny("1000.00"),
                List.of(new InvoiceTerm("T1", cny("1000.00"), DUE)), List.of(), null), NOW);

        EvidenceItem receipts = item(invoice("INV-1", AS_OF, NOW), Evidence.SIGNED_DELIVERY_RECEIPTS);

        assertThat(receipts.present()).isFalse();
        assertThat(receipts.gaps()).containsExactly("invoice INV-1 names no delivery");
    }

    @Test
    void theLimitationPeriodRunsThreeYearsFromTheDueDate() {
        contractAndInvoice();

        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(checklist.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-07-01"));
        assertThat(checklist.limitation().runsFrom()).isEqualTo(DUE);
        assertThat(checklist.limitation().restartedBy()).isNull();
        assertThat(checklist.limitation().daysLeft()).isEqualTo(950);
    }

    @Test
    void aDeliveredDunningLetterRestartsTheLimitationPeriodAndOneWithoutProofOfDeliveryDoesNot() {
        contractAndInvoice();
        String sent = at(letter("L-1", "2026-09-01"), NOW);

        EvidenceChecklist undelivered = invoice("INV-1", AS_OF, NOW);
        String delivered = at(new DunningLetterDelivered(customer, "L-1", LocalDate.parse("2026-09-05"), "front desk", "EMS-PROOF-1"), NOW);
        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(undelivered.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-07-01"));
        assertThat(item(undelivered, Evidence.DUNNING_LETTER_DELIVERED).present()).isFalse();
        assertThat(item(undelivered, Evidence.DUNNING_LETTER_DELIVERED).gaps()).singleElement().asString()
                .contains("L-1").contains("EA123456789CN").contains("no proof of delivery");
        assertThat(checklist.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-09-05"));
        assertThat(checklist.limitation().restartedBy().eventId()).isEqualTo(delivered);
        assertThat(checklist.limitation().restartedBy().documentRef()).isEqualTo("EMS-PROOF-1");
        assertThat(item(checklist, Evidence.DUNNING_LETTER_DELIVERED).proofs()).extracting(Proof::eventId, Proof::documentRef)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sent, "letter-L-1.pdf"), org.assertj.core.groups.Tuple.tuple(delivered, "EMS-PROOF-1"));
        assertThat(invoice("INV-1", LocalDate.parse("2026-09-04"), NOW).limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-07-01"));
    }

    @Test
    void theDebtorsAcknowledgementsRestartTheLimitationPeriodAndTheLatestCounts() {
        contractAndInvoice();
        at(new ReconciliationStatementConfirmed(customer, "S-1", LocalDate.parse("2026-08-10"), LocalDate.parse("2026-07-31"),
                cny("1000.00"), cny("1000.00"), "Li Na, finance", "S-1-stamped.pdf"), NOW);
        LocalDate afterStatement = invoice("INV-1", AS_OF, NOW).limitation().expiresOn();
        at(promise("PR-1", "2026-09-20", RecordPaymentPromise.Form.SPOKEN, List.of()), NOW);
        LocalDate afterPromise = invoice("INV-1", AS_OF, NOW).limitation().expiresOn();
        at(payment("P-1", "2026-10-15", "100.00"), NOW);

        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(afterStatement).isEqualTo(LocalDate.parse("2029-08-10"));
        assertThat(afterPromise).isEqualTo(LocalDate.parse("2029-09-20"));
        assertThat(checklist.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-10-15"));
        assertThat(checklist.limitation().restartedBy().description()).contains("payment P-1");
    }

    @Test
    void aPaymentLaterReversedAcknowledgedNothing() {
        contractAndInvoice();
        at(payment("P-1", "2026-10-15", "100.00"), NOW);
        at(new PaymentReversed(customer, "P-1", LocalDate.parse("2026-10-20"), "cheque returned unpaid", cny("100.00"),
                List.of(principal("INV-1", "100.00")), cny("0.00")), NOW);

        assertThat(invoice("INV-1", AS_OF, NOW).limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-07-01"));
        assertThat(invoice("INV-1", LocalDate.parse("2026-10-19"), NOW).limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-10-15"));
    }

    @Test
    void aStatementConfirmingABalanceFromBeforeTheInvoiceNeitherCoversItNorRestartsItsPeriod() {
        contractAndInvoice();
        at(new ReconciliationStatementConfirmed(customer, "S-0", LocalDate.parse("2026-08-10"), LocalDate.parse("2026-05-31"),
                cny("500.00"), cny("500.00"), "Li Na, finance", "S-0-stamped.pdf"), NOW);

        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(item(checklist, Evidence.RECONCILIATION_STATEMENT).present()).isFalse();
        assertThat(checklist.limitation().restartedBy()).isNull();
    }

    @Test
    void aDisputeBlocksTheNoOpenDisputeItemOnlyWhileItIsOpen() {
        contractAndInvoice();
        at(new DisputeRaised(customer, "DSP-1", LocalDate.parse("2026-08-01"), "INV-1", cny("300.00"), DisputeReason.QUALITY, "tiles cracked"), NOW);
        String resolved = at(new DisputeResolved(customer, "DSP-1", LocalDate.parse("2026-09-01"), "INV-1", cny("300.00"),
                ResolveDispute.Resolution.REJECTED, "cracked on site, not in transit"), NOW);

        EvidenceItem during = item(invoice("INV-1", LocalDate.parse("2026-08-15"), NOW), Evidence.NO_OPEN_DISPUTE);
        EvidenceItem after = item(invoice("INV-1", AS_OF, NOW), Evidence.NO_OPEN_DISPUTE);

        assertThat(during.present()).isFalse();
        assertThat(during.gaps()).singleElement().asString().contains("DSP-1").contains("QUALITY").endsWith("is open");
        assertThat(after.present()).isTrue();
        assertThat(after.proofs()).singleElement().satisfies(proof -> {
            assertThat(proof.eventId()).isEqualTo(resolved);
            assertThat(proof.description()).contains("REJECTED");
        });
    }

    @Test
    void aSpokenPromiseIsNoPaymentCommitmentOnFile() {
        contractAndInvoice();
        at(promise("PR-1", "2026-09-20", RecordPaymentPromise.Form.SPOKEN, List.of("INV-1")), NOW);

        EvidenceItem spoken = item(invoice("INV-1", AS_OF, NOW), Evidence.PAYMENT_COMMITMENT);
        String written = at(promise("PR-2", "2026-09-25", RecordPaymentPromise.Form.WRITTEN, List.of("INV-1")), NOW);
        EvidenceItem commitment = item(invoice("INV-1", AS_OF, NOW), Evidence.PAYMENT_COMMITMENT);

        assertThat(spoken.present()).isFalse();
        assertThat(spoken.gaps()).anySatisfy(gap -> assertThat(gap).contains("PR-1").contains("not put in writing"));
        assertThat(commitment.present()).isTrue();
        assertThat(commitment.proofs()).singleElement().satisfies(proof -> {
            assertThat(proof.eventId()).isEqualTo(written);
            assertThat(proof.documentRef()).isEqualTo("commitment-PR-2.pdf");
        });
    }

    @Test
    void aCaseFileWithEveryStepDoneIsReadyToSueAndNamesTheProofOfEachItem() {
        contractAndInvoice();
        at(new DeliveryCorrected(customer, "D2", LocalDate.parse("2026-08-03"), "signed receipt found", unsigned(), signed("DN-D2.pdf")), NOW);
        at(new ContactAttemptLogged(customer, "CT-1", LocalDate.parse("2026-08-05"), "collector-li", Channel.PHONE, "Zhang Min, CFO",
                ContactOutcome.PROMISE_OBTAINED, null, null, "rec-2026-08-05.mp3"), NOW);
        at(new ReconciliationStatementConfirmed(customer, "S-1", LocalDate.parse("2026-08-10"), LocalDate.parse("2026-07-31"),
                cny("1000.00"), cny("1000.00"), "Li Na, finance", "S-1-stamped.pdf"), NOW);
        at(promise("PR-1", "2026-08-12", RecordPaymentPromise.Form.WRITTEN, List.of("INV-1")), NOW);
        at(new AssetLeadRecorded(customer, "AL-1", LocalDate.parse("2026-08-20"), RecordAssetLead.Kind.BANK_ACCOUNT,
                "ICBC Pudong branch account", "old remittance"), NOW);
        at(new SupplySuspended(customer, LocalDate.parse("2026-08-25"), "two months overdue"), NOW);
        at(letter("L-1", "2026-09-01"), NOW);
        at(new DunningLetterDelivered(customer, "L-1", LocalDate.parse("2026-09-05"), "front desk", "EMS-PROOF-1"), NOW);
        String guarantee = at(new GuaranteeRecorded(customer, "G-1", LocalDate.parse("2026-09-10"), RecordGuarantee.Kind.PERSONAL_GUARANTEE,
                "Zhang Wei, controller", cny("1000.00"), null, "G-1-signed.pdf"), NOW);

        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(checklist.items()).extracting(EvidenceItem::evidence).containsExactly(Evidence.values());
        assertThat(checklist.items()).filteredOn(EvidenceItem::present).extracting(EvidenceItem::evidence)
                .containsExactlyElementsOf(List.of(Evidence.values()).subList(0, Evidence.values().length - 1));
        assertThat(checklist.readiness().readyToSue()).isTrue();
        assertThat(checklist.readiness().stillMissing()).isEmpty();
        assertThat(item(checklist, Evidence.CONTRACT_VALIDITY).proofs()).extracting(Proof::documentRef).containsExactly("K-1-stamped.pdf");
        assertThat(item(checklist, Evidence.DISPUTE_CLAUSE).proofs()).singleElement().satisfies(proof ->
                assertThat(proof.description()).contains("LITIGATION").contains("Pudong"));
        assertThat(item(checklist, Evidence.CONTACT_HISTORY).proofs()).extracting(Proof::documentRef).containsExactly("rec-2026-08-05.mp3");
        assertThat(item(checklist, Evidence.ASSET_LEADS).proofs()).extracting(Proof::documentRef).containsExactly("old remittance");
        assertThat(item(checklist, Evidence.GUARANTEE).proofs()).extracting(Proof::eventId).containsExactly(guarantee);
        assertThat(item(checklist, Evidence.LAWSUIT_FILED).present()).isFalse();

        at(new LawsuitFiled(customer, "CASE-1", LocalDate.parse("2026-11-10"), DisputeClause.Forum.LITIGATION, "Shanghai Pudong People's Court",
                List.of("INV-1"), cny("1000.00"), true, "complaint.pdf"), NOW);
        EvidenceChecklist sued = invoice("INV-1", AS_OF, NOW);
        assertThat(item(sued, Evidence.LAWSUIT_FILED).present()).isTrue();
        assertThat(sued.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-11-10"));
    }

    @Test
    void aContractWithoutEvidenceOfValidityOrClausesLeavesStepOneMissing() {
        at(new ContractRecorded(customer, "K-2", LocalDate.parse("2026-02-01"), List.of(), List.of(), null, null, "K-2-unsigned.pdf"), NOW);
        at(new InvoiceIssued(customer, "INV-2", "K-2", LocalDate.parse("2026-06-01"), cny("500.00"),
                List.of(new InvoiceTerm("T1", cny("500.00"), DUE)), List.of(), null), NOW);

        EvidenceChecklist checklist = invoice("INV-2", AS_OF, NOW);

        assertThat(checklist.readiness().stillMissing()).startsWith(Evidence.CONTRACT_VALIDITY, Evidence.PAYMENT_TERMS,
                Evidence.LATE_PAYMENT_LIABILITY, Evidence.DISPUTE_CLAUSE);
        assertThat(checklist.readiness().readyToSue()).isFalse();
        assertThat(item(checklist, Evidence.CONTRACT_VALIDITY).gaps()).containsExactly("contract K-2 was recorded without evidence that it binds the customer");
        assertThat(item(checklist, Evidence.DISPUTE_CLAUSE).gaps()).containsExactly("contract K-2 has no dispute clause");
    }

    @Test
    void paidTermsDoNotCountForTheLimitationPeriod() {
        at(contract("K-1"), NOW);
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-01-10"), cny("1000.00"), List.of(
                new InvoiceTerm("ADV", cny("300.00"), LocalDate.parse("2026-01-10")),
                new InvoiceTerm("ACC", cny("700.00"), LocalDate.parse("2026-03-10"))), List.of(), null), NOW);
        at(new PaymentRecorded(customer, "P-1", LocalDate.parse("2026-01-10"), cny("300.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(new Allocation("INV-1", "ADV", Allocation.Component.PRINCIPAL, cny("300.00"))), cny("0.00")), NOW);

        EvidenceChecklist checklist = invoice("INV-1", AS_OF, NOW);

        assertThat(checklist.limitation().termId()).isEqualTo("ACC");
        assertThat(checklist.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-03-10"));
        // ACC's 700.00 and its late fees of 03-11..11-24, 259 days x 0.35 (K-1's 0.05 % a day) = 90.65, below its cap of 210.00
        assertThat(checklist.receivables()).singleElement().satisfies(receivable -> assertThat(receivable.open()).isEqualTo(cny("790.65")));
    }

    @Test
    void aCustomersItemIsPresentOnlyWhenEveryOpenReceivableHasItAndItsLimitationIsTheFirstToExpire() {
        contractAndInvoice();
        at(new DeliveryRecorded(customer, "D3", LocalDate.parse("2026-06-20"), new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "5 t sand",
                null, new SignedReceipt("Wang Wei", LocalDate.parse("2026-06-20"), "DN-D3.pdf"), null)), NOW);
        at(new InvoiceIssued(customer, "INV-2", "K-1", LocalDate.parse("2026-06-20"), cny("400.00"),
                List.of(new InvoiceTerm("T1", cny("400.00"), LocalDate.parse("2026-07-20"))), List.of("D3"), null), NOW);
        at(new InvoiceIssued(customer, "INV-0", "K-1", LocalDate.parse("2026-01-05"), cny("50.00"),
                List.of(new InvoiceTerm("T1", cny("50.00"), LocalDate.parse("2026-02-05"))), List.of(), null), NOW);
        at(new PaymentRecorded(customer, "P-0", LocalDate.parse("2026-02-01"), cny("50.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal("INV-0", "50.00")), cny("0.00")), NOW);

        EvidenceChecklist checklist = projection.handle(new EvidenceChecklistQuery(customer, null, AS_OF, NOW));

        assertThat(checklist.invoiceId()).isNull();
        assertThat(checklist.receivables()).extracting(r -> r.invoiceId()).containsExactly("INV-1", "INV-2");
        assertThat(checklist.receivables().get(1).stillMissing()).doesNotContain(Evidence.SIGNED_DELIVERY_RECEIPTS);
        assertThat(item(checklist, Evidence.SIGNED_DELIVERY_RECEIPTS).present()).isFalse();
        assertThat(item(checklist, Evidence.SIGNED_DELIVERY_RECEIPTS).proofs()).extracting(Proof::documentRef)
                .containsExactly("DN-D1.pdf", "DN-D3.pdf");
        assertThat(item(checklist, Evidence.SIGNED_DELIVERY_RECEIPTS).gaps()).singleElement().asString().contains("D2");
        assertThat(item(checklist, Evidence.CONTRACT_VALIDITY).present()).isTrue();
        assertThat(item(checklist, Evidence.CONTRACT_VALIDITY).proofs()).hasSize(1);
        assertThat(checklist.limitation().invoiceId()).isEqualTo("INV-1");
        assertThat(checklist.limitation().expiresOn()).isEqualTo(LocalDate.parse("2029-07-01"));
    }

    @Test
    void aCustomerWithNothingRecordedMissesEveryItemButTheAbsentDisputeAndIsNotReadyToSue() {
        EvidenceChecklist checklist = projection.handle(new EvidenceChecklistQuery(customer, null, AS_OF, NOW));

        assertThat(checklist.items()).filteredOn(EvidenceItem::present).extracting(EvidenceItem::evidence).containsExactly(Evidence.NO_OPEN_DISPUTE);
        assertThat(checklist.readiness().readyToSue()).isFalse();
        assertThat(checklist.limitation()).isNull();
        assertThat(checklist.receivables()).isEmpty();
    }

    @Test
    void anInvoiceNotIssuedByTheDateOrNotYetRecordedHasNoChecklist() {
        contractAndInvoice();

        assertThat(projection.handle(new EvidenceChecklistQuery(customer, "INV-1", LocalDate.parse("2026-05-31"), NOW))).isNull();
        assertThat(projection.handle(new EvidenceChecklistQuery(customer, "INV-1", AS_OF, NOW.minusSeconds(1)))).isNull();
        assertThat(projection.handle(new EvidenceChecklistQuery(customer, "INV-9", AS_OF, NOW))).isNull();
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        contractAndInvoice();

        feed.reset();

        assertThat(projection.handle(new EvidenceChecklistQuery(customer, "INV-1", AS_OF, NOW))).isNull();
    }

    /** Contract K-1 (stamped, all clauses), delivery D1 with a signed receipt, D2 without, invoice INV-1 over both, due {@link #DUE}. */
    private void contractAndInvoice() {
        at(contract("K-1"), NOW);
        at(new DeliveryRecorded(customer, "D1", LocalDate.parse("2026-05-20"), signed("DN-D1.pdf")), NOW);
        at(new DeliveryRecorded(customer, "D2", LocalDate.parse("2026-05-21"), unsigned()), NOW);
        at(new InvoiceIssued(customer, "INV-1", "K-1", LocalDate.parse("2026-06-01"), cny("1000.00"),
                List.of(new InvoiceTerm("T1", cny("1000.00"), DUE)), List.of("D1", "D2"), "INV-1.pdf"), NOW);
    }

    private ContractRecorded contract(String contractId) {
        return new ContractRecorded(customer, contractId, LocalDate.parse("2026-02-01"),
                List.of(new ValidityEvidence(ValidityEvidence.Kind.COUNTERPARTY_STAMP, contractId + "-stamped.pdf", null)),
                List.of(new PaymentTerm("T1", new BigDecimal("100"), PaymentTerm.Trigger.ON_DELIVERY, 30)),
                new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                new DisputeClause(DisputeClause.Forum.LITIGATION, "Shanghai Pudong People's Court"), contractId + ".pdf");
    }

    private static DeliveryDetails signed(String documentRef) {
        return new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "10 t cement", null,
                new SignedReceipt("Wang Wei", LocalDate.parse("2026-05-21"), documentRef), null);
    }

    private static DeliveryDetails unsigned() {
        return new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "10 t cement", null, null, "driver did not bring it back");
    }

    private DunningLetterSent letter(String letterId, String on) {
        return new DunningLetterSent(customer, letterId, LocalDate.parse(on), 2, List.of("INV-1"), cny("1000.00"), cny("0.00"),
                LocalDate.parse(on).plusDays(15), true, "EMS", "EA123456789CN", "letter-" + letterId + ".pdf", null, null);
    }

    private PaymentPromiseRecorded promise(String promiseId, String on, RecordPaymentPromise.Form form, List<String> invoices) {
        return new PaymentPromiseRecorded(customer, promiseId, LocalDate.parse(on), cny("500.00"), LocalDate.parse(on).plusDays(10), form,
                "collector-li", invoices, form == RecordPaymentPromise.Form.WRITTEN ? "commitment-" + promiseId + ".pdf" : null);
    }

    private PaymentRecorded payment(String paymentId, String on, String amount) {
        return new PaymentRecorded(customer, paymentId, LocalDate.parse(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal("INV-1", amount)), cny("0.00"));
    }

    private EvidenceChecklist invoice(String invoiceId, LocalDate asOf, Instant knownAt) {
        return projection.handle(new EvidenceChecklistQuery(customer, invoiceId, asOf, knownAt));
    }

    private static EvidenceItem item(EvidenceChecklist checklist, Evidence evidence) {
        return checklist.items().stream().filter(item -> item.evidence() == evidence).findFirst().orElseThrow();
    }

    private String at(AccountEvent event, Instant recordedAt) {
        return feed.feed(event, recordedAt);
    }

    private static Allocation principal(String invoiceId, String amount) {
        return new Allocation(invoiceId, "T1", Allocation.Component.PRINCIPAL, cny(amount));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
