package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RecordResponsiblePersonChange;
import io.collectionsledger.contracts.customer.ResponsiblePersonChanged;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility.LEGAL_REPRESENTATIVE;
import static io.collectionsledger.contracts.customer.RecordResponsiblePersonChange.Responsibility.RESPONSIBLE_FOR_PAYMENT;
import static io.collectionsledger.ledger.account.Accounts.*;

/** Who answers for the customer, and its changes: an early-warning sign (domain.md §3). */
class ResponsiblePeopleTest extends AccountFixture {

    @Test
    void aNewPersonResponsibleForPayingIsRecordedBesideTheOneTheCreditFileNamed() {
        fixture.given(registeredWithZhangResponsibleForPayment())
                .when(new RecordResponsiblePersonChange(CUSTOMER, "RP-1", TODAY, RESPONSIBLE_FOR_PAYMENT, "Li Si", "call with the accountant"))
                .expectEvents(new ResponsiblePersonChanged(CUSTOMER, "RP-1", TODAY, RESPONSIBLE_FOR_PAYMENT, "Zhang San", "Li Si",
                        "call with the accountant"));
    }

    @Test
    void eachChangeNamesWhoAnsweredBeforeIt() {
        fixture.given(registered(),
                        new ResponsiblePersonChanged(CUSTOMER, "RP-1", TODAY.minusDays(30), LEGAL_REPRESENTATIVE, null, "Wang Wu", null))
                .when(new RecordResponsiblePersonChange(CUSTOMER, "RP-2", TODAY, LEGAL_REPRESENTATIVE, "Zhao Liu", "registry extract"))
                .expectEvents(new ResponsiblePersonChanged(CUSTOMER, "RP-2", TODAY, LEGAL_REPRESENTATIVE, "Wang Wu", "Zhao Liu",
                        "registry extract"));
    }

    @Test
    void aChangeIsRecordedOnce() {
        fixture.given(registered(), new ResponsiblePersonChanged(CUSTOMER, "RP-1", TODAY, LEGAL_REPRESENTATIVE, null, "Wang Wu", null))
                .when(new RecordResponsiblePersonChange(CUSTOMER, "RP-1", TODAY, LEGAL_REPRESENTATIVE, "Wang Wu", null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DUPLICATE_ID));
    }

    private static CustomerRegistered registeredWithZhangResponsibleForPayment() {
        return new CustomerRegistered(CUSTOMER, "Hengda Building Materials Co.", "91310000MA1FL0001X", LocalDate.parse("2026-01-05"),
                new CreditFile(null, null, null, null, null, null, null, null, null, null, "Zhang San"));
    }
}
