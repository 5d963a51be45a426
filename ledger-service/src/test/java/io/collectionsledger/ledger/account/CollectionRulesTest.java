package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.collection.SuspendSupply;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.promise.AgreePaymentPlan;
import io.collectionsledger.contracts.promise.Installment;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.RecoveryAfterWriteOffRecorded;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;
import io.collectionsledger.contracts.collection.ResumeSupply;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/** What collectors, credit managers and lawyers do about an overdue customer, and what the account refuses. */
class CollectionRulesTest extends AccountFixture {

    private static final LocalDate SENT = LocalDate.parse("2026-11-10");

    @Test
    void noPromiseForMoreThanIsOpen() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(promise("PR-1", "1000.01"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.PROMISE_EXCEEDS_OPEN_AMOUNT))
                .expectExceptionMessage("a promise of 1000.01 CNY is more than the 1000.00 CNY open");
    }

    @Test
    void aPromiseForWhatIsOpenIsRecorded() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(promise("PR-1", "1000.00"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(
                                io.collectionsledger.contracts.promise.PaymentPromiseRecorded.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void noDunningLetterForADisputedAmount() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), disputed("DSP-1", "INV-1", "400.00"))
                .when(letter("L-1", "700.00"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DUNNING_FOR_DISPUTED_AMOUNT))
                .expectExceptionMessage("the letter demands 700.00 CNY, but 400.00 CNY of the 1000.00 CNY open is disputed; "
                        + "a dunning letter may demand only what is not");
    }

    @Test
    void aDunningLetterMayDemandWhatIsNotDisputed() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), disputed("DSP-1", "INV-1", "400.00"))
                .when(letter("L-1", "600.00"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noLawsuitWhileNothingIsOverdue() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-12-31"))
                .when(lawsuit("CASE-1", "INV-1"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.NOTHING_OVERDUE));
    }

    @Test
    void aLawsuitOverAnOverdueInvoiceIsFiledWithItsPreservationRequest() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(lawsuit("CASE-1", "INV-1"))
                .expectEvents(new LawsuitFiled(CUSTOMER, "CASE-1", TODAY, DisputeClause.Forum.LITIGATION, "Pudong court",
                        List.of("INV-1"), cny("1000.00"), true, "DOC-CASE-1"));
    }

    @Test
    void aDunningLettersDeliveryCannotBeConfirmedBeforeItWasSent() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), sent("L-1"))
                .when(new ConfirmDunningLetterDelivery(CUSTOMER, "L-1", SENT.minusDays(1), "front desk", "EMS-PROOF-1"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DELIVERY_BEFORE_SENDING));
    }

    @Test
    void aDunningLettersDeliveryIsConfirmedWithTheCouriersProof() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), sent("L-1"))
                .when(new ConfirmDunningLetterDelivery(CUSTOMER, "L-1", SENT.plusDays(2), "front desk", "EMS-PROOF-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noPaymentPlanOverInvoicesInALawsuitWithoutSayingSo() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), filed("CASE-1", "INV-1"))
                .when(plan(false))
                .expectNoEvents()
                .expectException(refusedBy(Rule.INVOICE_IN_LITIGATION));
    }

    @Test
    void aPaymentPlanOverInvoicesInALawsuitIsAgreedWhenItSaysSo() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), filed("CASE-1", "INV-1"))
                .when(plan(true))
                .expectEvents(new PaymentPlanAgreed(CUSTOMER, "PLAN-1", TODAY, List.of("INV-1"),
                        List.of(principal("INV-1", "T1", "1000.00")), installments(), true, "DOC-PLAN-1"));
    }

    @Test
    void aPaymentPlansInstallmentsReplaceTheCoveredDueDates() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), planned())
                .when(new io.collectionsledger.contracts.payment.RecordPayment(CUSTOMER, "P1", TODAY, cny("505.00"),
                        io.collectionsledger.contracts.payment.RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectEvents(paidToday("P1", "505.00", List.of(
                        new io.collectionsledger.contracts.receivable.Allocation("PLAN-1", "I1",
                                io.collectionsledger.contracts.receivable.Allocation.Component.LATE_FEES, cny("5.00")),
                        principal("PLAN-1", "I1", "500.00")), "0.00"));
    }

    @Test
    void theInstallmentsMustCarryExactlyThePrincipalTheyReplace() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new AgreePaymentPlan(CUSTOMER, "PLAN-1", TODAY, List.of("INV-1"), List.of(
                        new Installment("I1", cny("500.00"), cny("5.00"), TODAY.plusDays(30))), false, "DOC-PLAN-1"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.PLAN_DOES_NOT_ADD_UP));
    }

    @Test
    void noWriteOffOfMoreThanIsOpen() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"),
                        paidToday("P1", "300.00", List.of(principal("INV-1", "T1", "300.00")), "0.00"))
                .when(new WriteOffReceivable(CUSTOMER, "INV-1", "WO-1", TODAY, cny("700.01"), "customer insolvent"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.WRITE_OFF_EXCEEDS_OPEN_AMOUNT))
                .expectExceptionMessage("writing off 700.01 CNY exceeds the 700.00 CNY open on invoice INV-1");
    }

    @Test
    void aWriteOffTakesWhatIsOpenOffTheBooks() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new WriteOffReceivable(CUSTOMER, "INV-1", "WO-1", TODAY, cny("1000.00"), "customer insolvent"))
                .expectEvents(writtenOff());
    }

    @Test
    void noCollectionActionOnAWrittenOffReceivable() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), writtenOff())
                .when(letter("L-1", "100.00"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.RECEIVABLE_WRITTEN_OFF))
                .expectExceptionMessage("invoice INV-1 was written off; only a recovery may be recorded on it");
    }

    @Test
    void noPromiseNorLawsuitOnAWrittenOffReceivableEither() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), writtenOff())
                .when(lawsuit("CASE-1", "INV-1"))
                .expectException(refusedBy(Rule.RECEIVABLE_WRITTEN_OFF));
    }

    @Test
    void aRecoveryAfterWriteOffIsRecorded() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), writtenOff())
                .when(new RecordRecoveryAfterWriteOff(CUSTOMER, "INV-1", "REC-1", TODAY, cny("250.00"), "bankruptcy dividend"))
                .expectEvents(new RecoveryAfterWriteOffRecorded(CUSTOMER, "INV-1", "REC-1", TODAY, cny("250.00"), "bankruptcy dividend"));
    }

    @Test
    void noMoreIsRecoveredThanWasWrittenOff() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), writtenOff())
                .when(new RecordRecoveryAfterWriteOff(CUSTOMER, "INV-1", "REC-1", TODAY, cny("1000.01"), null))
                .expectException(refusedBy(Rule.RECOVERY_EXCEEDS_WRITTEN_OFF));
    }

    @Test
    void noDisputeForMoreThanIsOpen() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), disputed("DSP-1", "INV-1", "400.00"))
                .when(new RaiseDispute(CUSTOMER, "DSP-2", TODAY, "INV-1", cny("600.01"), DisputeReason.PRICE, "price"))
                .expectException(refusedBy(Rule.DISPUTE_EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void supplyIsSuspendedOnce() {
        fixture.given(registered(), new SupplySuspended(CUSTOMER, TODAY, "unpaid"))
                .when(new SuspendSupply(CUSTOMER, TODAY, "still unpaid"))
                .expectException(refusedBy(Rule.SUPPLY_ALREADY_SUSPENDED));
    }

    @Test
    void aMortgageIsRecordedOnlyWithItsRegistration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordGuarantee(CUSTOMER, "G-1", TODAY,
                        RecordGuarantee.Kind.MORTGAGE, "Hengda Holdings", cny("500000.00"), null, "DOC-G-1"))
                .hasMessageContaining("registrationRef");
    }

    private static RecordPaymentPromise promise(String id, String amount) {
        return new RecordPaymentPromise(CUSTOMER, id, TODAY, cny(amount), TODAY.plusDays(7), RecordPaymentPromise.Form.WRITTEN,
                "collector-li", List.of(), "DOC-" + id);
    }

    private static DisputeRaised disputed(String id, String invoiceId, String amount) {
        return new DisputeRaised(CUSTOMER, id, TODAY, invoiceId, cny(amount), DisputeReason.QUALITY, "cracked tiles");
    }

    private static SendDunningLetter letter(String id, String amount) {
        return new SendDunningLetter(CUSTOMER, id, TODAY, 1, List.of("INV-1"), cny(amount), cny("0.00"), TODAY.plusDays(10),
                true, "EMS", "EMS-" + id, "DOC-" + id, null);
    }

    private static DunningLetterSent sent(String id) {
        return new DunningLetterSent(CUSTOMER, id, SENT, 1, List.of("INV-1"), cny("1000.00"), cny("0.00"), SENT.plusDays(10),
                true, "EMS", "EMS-" + id, "DOC-" + id, null, null);
    }

    private static FileLawsuit lawsuit(String caseId, String invoiceId) {
        return new FileLawsuit(CUSTOMER, caseId, TODAY, DisputeClause.Forum.LITIGATION, "Pudong court", List.of(invoiceId),
                cny("1000.00"), true, "DOC-" + caseId);
    }

    private static LawsuitFiled filed(String caseId, String invoiceId) {
        return new LawsuitFiled(CUSTOMER, caseId, TODAY, DisputeClause.Forum.LITIGATION, "Pudong court", List.of(invoiceId),
                cny("1000.00"), true, "DOC-" + caseId);
    }

    private static List<Installment> installments() {
        return List.of(new Installment("I1", cny("500.00"), cny("5.00"), TODAY.plusDays(30)),
                new Installment("I2", cny("500.00"), cny("5.00"), TODAY.plusDays(60)));
    }

    private static AgreePaymentPlan plan(boolean saysSo) {
        return new AgreePaymentPlan(CUSTOMER, "PLAN-1", TODAY, List.of("INV-1"), installments(), saysSo, "DOC-PLAN-1");
    }

    private static PaymentPlanAgreed planned() {
        return new PaymentPlanAgreed(CUSTOMER, "PLAN-1", TODAY, List.of("INV-1"), List.of(principal("INV-1", "T1", "1000.00")),
                installments(), false, "DOC-PLAN-1");
    }

    private static ReceivableWrittenOff writtenOff() {
        return new ReceivableWrittenOff(CUSTOMER, "INV-1", "WO-1", TODAY, cny("1000.00"), "customer insolvent",
                List.of(principal("INV-1", "T1", "1000.00")));
    }

    @Test
    void aRecoveryIsRecordedOnlyOnAWrittenOffReceivable() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new RecordRecoveryAfterWriteOff(CUSTOMER, "INV-1", "REC-1", TODAY, cny("100.00"), null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.NOTHING_WRITTEN_OFF));
    }

    @Test
    void supplyIsResumedOnlyWhenSuspended() {
        fixture.given(registered())
                .when(new ResumeSupply(CUSTOMER, TODAY, "paid"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.SUPPLY_NOT_SUSPENDED));
    }
}
