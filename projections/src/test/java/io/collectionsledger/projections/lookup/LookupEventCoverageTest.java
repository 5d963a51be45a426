package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.time.LegalLateFeeCaps;
import io.collectionsledger.projections.shared.LegalLateFeeCapsRecorded;
import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.CreditLimitRaiseWithdrawn;
import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.collection.EarlyWarningSignal;
import io.collectionsledger.contracts.collection.ReceivableClass;
import io.collectionsledger.contracts.collection.ReceivableClassified;
import io.collectionsledger.contracts.collection.ReminderTier;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.ValidityEvidence;
import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility;
import io.collectionsledger.contracts.customer.ResponsiblePersonChanged;
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
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.lookup.CustomerRecords;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.party.LedgerPartyRecorded;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.CollectionStageWithdrawn;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersHoldWithdrawn;
import io.collectionsledger.contracts.time.OrdersReleased;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of the published language is either read by the customer lookup or named here as
 * not its concern, and every event it reads shows on the customer's records: a new event cannot
 * slip past the lookup unnoticed, nor one be kept and then dropped by the fold.
 */
class LookupEventCoverageTest {

    /** No legal cap recorded: the contract's cap alone holds the late fees. */
    private static final LegalLateFeeCaps NO_LEGAL_CAP = LegalLateFeeCapsRecorded.of(java.util.Map.of());

    /** The events that shape none of the records issue 20 lists, and why. */
    private static final Set<Class<?>> NOT_THE_LOOKUPS = Set.of(
            // contact history: read by the worklist, the evidence checklist and the dossier; no record of the lookup is made of it
            ContactAttemptLogged.class,
            // reconciliation statements: evidence (the checklist, the statement); they change no amount the ledger holds
            ReconciliationStatementConfirmed.class,
            // a term entering a collection stage follows from its due date, which the lookup reads as of any date itself
            CollectionStageReached.class,
            // nor does it read a stage withdrawn, for the same reason
            CollectionStageWithdrawn.class,
            // the ledger's own party, the sender of its documents: no customer's record
            LedgerPartyRecorded.class,
            // the legal cap's schedule is the whole ledger's: kept beside the facts (lookup_legal_cap) and handed to the fold,
            // which computes with it the late fees accrued since the last recorded day
            LegalLateFeeCapChanged.class);

    private static final String C = "C-1";
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final LocalDate FAR = LocalDate.parse("2099-12-31");

    @Test
    void everyEventOfThePublishedLanguageIsReadByTheLookupOrNamedAsNotItsConcern() {
        Set<Class<?>> published = publishedEvents();

        assertThat(published).hasSizeGreaterThan(30);
        assertThat(kept()).doesNotContainAnyElementsOf(NOT_THE_LOOKUPS);
        Set<Class<?>> accounted = new HashSet<>(kept());
        accounted.addAll(NOT_THE_LOOKUPS);
        assertThat(published)
                .as("read by CustomerFold (its FACTS and a branch in its apply) or named in NOT_THE_LOOKUPS with the reason")
                .containsExactlyInAnyOrderElementsOf(accounted);
    }

    @Test
    void everyFactTheLookupKeepsChangesWhatTheCustomersRecordsShow() {
        List<CustomerFold.Fact> story = story();
        assertThat(story.stream().<Class<?>>map(fact -> fact.event().getClass()).collect(Collectors.toSet()))
                .as("the story below tells a fact of every kind the lookup keeps")
                .containsExactlyInAnyOrderElementsOf(kept());

        CustomerRecords before = null;
        for (int told = 1; told <= story.size(); told++) {
            CustomerRecords after = CustomerFold.fold(C, FAR, T0.plusSeconds(1000), story.subList(0, told), NO_LEGAL_CAP);
            assertThat(after).as("the records after %s", story.get(told - 1).event()).isNotEqualTo(before);
            before = after;
        }
    }

    /** One customer's whole collection story, a fact of every kind the lookup keeps, each one changing what it shows. */
    private static List<CustomerFold.Fact> story() {
        List<AccountEvent> events = List.of(
                new CustomerRegistered(C, "Hengda", null, date("2026-01-05"), CreditFile.empty()),
                new CollectorAssigned(C, date("2026-01-06"), "collector-li", ReminderTier.B),
                new CreditLimitSet(C, date("2026-01-06"), null, cny("50000.00"), "annual review"),
                new EarlyWarningFlagged(C, "W-1", date("2026-01-07"), EarlyWarningSignal.RELOCATION, "moved to Suzhou"),
                new CorrespondenceAddressRecorded(C, date("2026-01-07"), "北京市朝阳区建国路 1 号", "100022", "Li Si", null),
                new ResponsiblePersonChanged(C, "RC-1", date("2026-01-08"), Responsibility.LEGAL_REPRESENTATIVE, null, "Li Hua",
                        "business registration extract"),
                new ContractRecorded(C, "K-1", date("2026-02-01"), List.of(new ValidityEvidence(ValidityEvidence.Kind.COUNTERPARTY_STAMP,
                        "K-1.pdf", null)), List.of(), new LateFeeTerms(new BigDecimal("0.05"), new BigDecimal("30"), true),
                        new DisputeClause(DisputeClause.Forum.LITIGATION, "Pudong court"), "K-1.pdf"),
                new DeliveryRecorded(C, "D-1", date("2026-02-10"), delivery(null)),
                new DeliveryCorrected(C, "D-1", date("2026-02-12"), "receipt found", delivery(null),
                        delivery(new SignedReceipt("Wang Wei", date("2026-02-10"), "DN-1.pdf"))),
                new InvoiceIssued(C, "INV-1", "K-1", date("2026-03-01"), cny("1000.00"),
                        List.of(new InvoiceTerm("T1", cny("1000.00"), date("2026-04-01"))), List.of("D-1"), "INV-1.pdf"),
                new InvoiceIssued(C, "INV-2", "K-1", date("2026-03-01"), cny("500.00"),
                        List.of(new InvoiceTerm("T1", cny("500.00"), date("2026-04-01"))), List.of(), null),
                new CreditNoteIssued(C, "INV-1", "CN-1", date("2026-03-05"), cny("100.00"), "damaged", List.of(principal("INV-1", "100.00"))),
                new PaymentRecorded(C, "P-1", date("2026-03-20"), cny("300.00"), RecordPayment.Method.BANK_TRANSFER, "wire",
                        List.of(principal("INV-1", "200.00")), cny("100.00")),
                new PaymentReversed(C, "P-1", date("2026-03-22"), "recalled", cny("300.00"), List.of(principal("INV-1", "200.00")),
                        cny("100.00")),
                new PaymentRecorded(C, "P-2", date("2026-03-25"), cny("400.00"), RecordPayment.Method.BANK_TRANSFER, "wire",
                        List.of(), cny("400.00")),
                new UnappliedCreditApplied(C, "A-1", date("2026-03-26"), cny("100.00"), List.of(principal("INV-1", "100.00")), null),
                new UnappliedCreditRefunded(C, "R-1", date("2026-03-27"), cny("50.00"), "transfer"),
                new LateFeesAccrued(C, date("2026-04-10"), List.of(new LateFeeAccrual("INV-1", "T1", cny("3.60"), 9,
                        date("2026-04-10"), false))),
                new LateFeesCorrected(C, date("2026-04-10"), List.of(new LateFeeCorrection("INV-1", "T1", date("2026-04-10"), cny("3.60"),
                        cny("3.00"), cny("0.60"), cny("0.00"))), "above the legal cap"),
                new OrdersHeld(C, date("2026-04-11"), "INV-1", "T1", 10),
                new OrdersReleased(C, date("2026-04-12"), "paid"),
                new OrdersHeld(C, date("2026-04-12"), "INV-1", "T1", 11),
                new OrdersHoldWithdrawn(C, date("2026-04-12"), null, "a payment keyed in late was dated before it"),
                new SupplySuspended(C, date("2026-04-13"), "letter unanswered"),
                new SupplyResumed(C, date("2026-04-14"), "plan agreed"),
                new ReceivableClassified(C, "INV-1", date("2026-04-15"), ReceivableClass.OVERDUE, "past due"),
                new PaymentPromiseRecorded(C, "PR-1", date("2026-04-16"), cny("100.00"), date("2026-04-20"),
                        RecordPaymentPromise.Form.WRITTEN, "collector-li", List.of("INV-1"), null),
                new PaymentPromiseBroken(C, "PR-1", date("2026-04-21"), cny("100.00"), cny("0.00"), cny("100.00")),
                new PaymentPromiseOutcomeCorrected(C, "PR-1", date("2026-04-22"), PromiseOutcome.BROKEN, PromiseOutcome.PARTIALLY_KEPT,
                        cny("50.00"), cny("50.00"), "P-2"),
                new PaymentPromisePartiallyKept(C, "PR-1", date("2026-04-23"), cny("100.00"), cny("50.00"), cny("50.00")),
                new PaymentPromiseKept(C, "PR-1", date("2026-04-24"), cny("100.00"), cny("100.00"), cny("0.00")),
                new DisputeRaised(C, "DS-1", date("2026-04-25"), "INV-1", cny("50.00"), DisputeReason.QUALITY, "cracked"),
                new DisputeResolved(C, "DS-1", date("2026-04-26"), "INV-1", cny("50.00"), ResolveDispute.Resolution.REJECTED, "intact"),
                new DunningLetterSent(C, "L-1", date("2026-04-27"), 1, List.of("INV-1"), cny("600.00"), cny("3.60"),
                        date("2026-05-10"), true, "EMS", "EA1", "L-1.pdf", null, null),
                new DunningLetterDelivered(C, "L-1", date("2026-04-29"), "reception", "EMS-EA1.pdf"),
                new GuaranteeRecorded(C, "G-1", date("2026-04-30"), RecordGuarantee.Kind.PERSONAL_GUARANTEE, "Zhang Wei", cny("500.00"),
                        null, "G-1.pdf"),
                new AssetLeadRecorded(C, "AL-1", date("2026-04-30"), RecordAssetLead.Kind.BANK_ACCOUNT, "ICBC Pudong", "remittance"),
                new PaymentPlanAgreed(C, "PL-1", date("2026-05-01"), List.of("INV-2"), List.of(principal("INV-2", "500.00")),
                        List.of(new Installment("I1", cny("500.00"), cny("5.00"), date("2026-06-01"))), false, "plan.pdf"),
                new LawsuitFiled(C, "LC-1", date("2026-05-05"), DisputeClause.Forum.LITIGATION, "Pudong court", List.of("INV-1"),
                        cny("600.00"), true, "complaint.pdf"),
                new LegalStepRecorded(C, "LC-1", "S-1", date("2026-05-06"), LegalStep.PRESERVATION_ORDERED, null, "frozen", "order.pdf"),
                new CreditLimitRaised(C, date("2026-05-07"), cny("50000.00"), cny("57500.00"), List.of("P-2")),
                new CreditLimitRaiseWithdrawn(C, date("2026-05-07"), cny("50000.00"), cny("57500.00"), List.of("P-2"), "a late payment broke the run"),
                new ReceivableWrittenOff(C, "INV-1", "W-1", date("2026-05-08"), cny("600.00"), "lost", List.of(principal("INV-1", "600.00"))),
                new RecoveryAfterWriteOffRecorded(C, "INV-1", "RC-1", date("2026-05-09"), cny("100.00"), "insurer"));
        List<CustomerFold.Fact> facts = new ArrayList<>();
        for (AccountEvent event : events) {
            facts.add(new CustomerFold.Fact(event, T0.plusSeconds(facts.size())));
        }
        return facts;
    }

    private static Set<Class<?>> kept() {
        return Set.copyOf(CustomerFold.FACTS);
    }

    private static Set<Class<?>> publishedEvents() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        return scanner.findCandidateComponents("io.collectionsledger.contracts").stream().map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, LookupEventCoverageTest.class.getClassLoader()))
                .collect(Collectors.toSet());
    }

    private static DeliveryDetails delivery(SignedReceipt receipt) {
        return new DeliveryDetails(DeliveryDetails.Kind.GOODS, "K-1", "10 t cement", cny("1000.00"), receipt,
                receipt == null ? "driver did not bring it back" : null);
    }

    private static Allocation principal(String invoiceId, String amount) {
        return new Allocation(invoiceId, "T1", Allocation.Component.PRINCIPAL, cny(amount));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
