package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.SignedReceipt;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Evidence of our performance and the customer's acknowledgements: deliveries, corrections, reconciliation statements. */
class EvidenceRulesTest extends AccountFixture {

    @Test
    void aCorrectedDeliveryKeepsTheOriginalBesideTheCorrection() {
        DeliveryDetails corrected = new DeliveryDetails(DeliveryDetails.Kind.GOODS, CONTRACT, "18 t cement", cny("9000.00"),
                new SignedReceipt("Wang Wei, warehouse", LocalDate.parse("2026-03-02"), "DN-D1-signed"), null);
        fixture.given(registered(), contractWithStagedTerms(), delivered("D1", false))
                .when(new CorrectDelivery(CUSTOMER, "D1", TODAY, "2 t were returned; signed receipt found", corrected))
                .expectEvents(new DeliveryCorrected(CUSTOMER, "D1", TODAY, "2 t were returned; signed receipt found",
                        delivered("D1", false).details(), corrected));
    }

    @Test
    void onlyARecordedDeliveryCanBeCorrected() {
        fixture.given(registered())
                .when(new CorrectDelivery(CUSTOMER, "D1", TODAY, "typo", delivered("D1", true).details()))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_DELIVERY));
    }

    @Test
    void aReconciliationStatementRecordsTheLedgerBalanceBesideTheConfirmedOne() {
        fixture.given(registered(), invoiced("INV-1", "1000.00", "2026-10-15"),
                        paidToday("P1", "400.00", List.of(principal("INV-1", "T1", "400.00")), "0.00"))
                .when(new ConfirmReconciliationStatement(CUSTOMER, "S-2026-10", TODAY, LocalDate.parse("2026-10-31"),
                        cny("600.00"), "Li Na, finance", "DOC-S-1"))
                .expectEvents(new ReconciliationStatementConfirmed(CUSTOMER, "S-2026-10", TODAY, LocalDate.parse("2026-10-31"),
                        cny("600.00"), cny("600.00"), "Li Na, finance", "DOC-S-1"));
    }
}
