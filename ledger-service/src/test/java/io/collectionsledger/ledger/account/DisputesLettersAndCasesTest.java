package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeReason;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;

/** A dispute is resolved once; a letter demands what is open and is delivered once; a case takes steps while open. */
class DisputesLettersAndCasesTest extends AccountFixture {

    private static final LocalDate FILED = LocalDate.parse("2026-11-10");

    @Test
    void aDisputeIsResolvedOnce() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), disputed(),
                        new DisputeResolved(CUSTOMER, "DSP-1", TODAY, "INV-1", cny("400.00"), ResolveDispute.Resolution.REJECTED, "tiles were fine"))
                .when(new ResolveDispute(CUSTOMER, "DSP-1", TODAY, ResolveDispute.Resolution.UPHELD, "tiles replaced"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DISPUTE_ALREADY_RESOLVED));
    }

    @Test
    void onlyARaisedDisputeIsResolved() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new ResolveDispute(CUSTOMER, "DSP-9", TODAY, ResolveDispute.Resolution.UPHELD, "tiles replaced"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_DISPUTE))
                .expectExceptionMessage("no dispute DSP-9 was raised by " + CUSTOMER);
    }

    @Test
    void aLetterDemandsNoMoreThanIsOpenOnItsInvoices() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(letter("1000.01"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DEMAND_EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void aLetterTheLedgerMadeIsReferredToByTheHashOfTheBytesItKeepsAndNamesItsTemplate() {
        String sha256 = "0f".repeat(32);
        SendDunningLetter.Draft draft = new SendDunningLetter.Draft(TODAY, java.time.Instant.parse("2026-11-24T01:59:00Z"), "zh-CN", sha256,
                "dunning-letter@0123456789ab");
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new SendDunningLetter(CUSTOMER, "L-1", TODAY, 1, List.of("INV-1"), cny("1000.00"), cny("0.00"), TODAY.plusDays(10),
                        true, "EMS", "EMS-L-1", null, draft))
                .expectEvents(new DunningLetterSent(CUSTOMER, "L-1", TODAY, 1, List.of("INV-1"), cny("1000.00"), cny("0.00"),
                        TODAY.plusDays(10), true, "EMS", "EMS-L-1", "sha256:" + sha256, sha256, "dunning-letter@0123456789ab"));
    }

    @Test
    void aLettersDeliveryIsRecordedOnce() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), sent(),
                        new DunningLetterDelivered(CUSTOMER, "L-1", FILED.plusDays(1), "front desk", "EMS-PROOF-1"))
                .when(new ConfirmDunningLetterDelivery(CUSTOMER, "L-1", FILED.plusDays(2), "front desk", "EMS-PROOF-2"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.LETTER_ALREADY_DELIVERED));
    }

    @Test
    void onlyASentLetterIsDelivered() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(new ConfirmDunningLetterDelivery(CUSTOMER, "L-9", TODAY, "front desk", "EMS-PROOF-1"))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_LETTER));
    }

    @Test
    void aClosedCaseTakesNoMoreSteps() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), filed(),
                        new LegalStepRecorded(CUSTOMER, "CASE-1", "S-1", FILED.plusDays(1), LegalStep.CASE_CLOSED, null, "settled", null))
                .when(step("S-2", TODAY))
                .expectNoEvents()
                .expectException(refusedBy(Rule.CASE_CLOSED));
    }

    @Test
    void noStepBeforeTheCaseWasFiled() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), filed())
                .when(step("S-1", FILED.minusDays(1)))
                .expectNoEvents()
                .expectException(refusedBy(Rule.STEP_BEFORE_FILING));
    }

    @Test
    void onlyAFiledCaseTakesSteps() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"))
                .when(step("S-1", TODAY))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_CASE));
    }

    @Test
    void aStepOfAnOpenCaseIsRecorded() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-01"), filed())
                .when(step("S-1", TODAY))
                .expectEvents(new LegalStepRecorded(CUSTOMER, "CASE-1", "S-1", TODAY, LegalStep.HEARING_HELD, null, "first hearing", "DOC-S-1"));
    }

    private static DisputeRaised disputed() {
        return new DisputeRaised(CUSTOMER, "DSP-1", TODAY, "INV-1", cny("400.00"), DisputeReason.QUALITY, "cracked tiles");
    }

    private static SendDunningLetter letter(String amount) {
        return new SendDunningLetter(CUSTOMER, "L-1", TODAY, 1, List.of("INV-1"), cny(amount), cny("0.00"), TODAY.plusDays(10),
                true, "EMS", "EMS-L-1", "DOC-L-1", null);
    }

    private static DunningLetterSent sent() {
        return new DunningLetterSent(CUSTOMER, "L-1", FILED, 1, List.of("INV-1"), cny("1000.00"), cny("0.00"), FILED.plusDays(10),
                true, "EMS", "EMS-L-1", "DOC-L-1", null, null);
    }

    private static LawsuitFiled filed() {
        return new LawsuitFiled(CUSTOMER, "CASE-1", FILED, DisputeClause.Forum.LITIGATION, "Pudong court", List.of("INV-1"),
                cny("1000.00"), true, "DOC-CASE-1");
    }

    private static RecordLegalStep step(String stepId, LocalDate on) {
        return new RecordLegalStep(CUSTOMER, "CASE-1", stepId, on, LegalStep.HEARING_HELD, null, "first hearing", "DOC-" + stepId);
    }
}
