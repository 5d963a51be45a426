package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.customer.CreditFile;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import org.axonframework.messaging.MetaData;
import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactOutcome;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conventions every command of the account follows: business dates, expected versions, ids. */
class AccountConventionsTest extends AccountFixture {

    @Test
    void aCustomerIsRegisteredWithItsCreditFile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER, "Hengda Building Materials Co.", null, TODAY, null))
                .expectEvents(new CustomerRegistered(CUSTOMER, "Hengda Building Materials Co.", null, TODAY, CreditFile.empty()));
    }

    @Test
    void noFactIsDatedAfterToday() {
        fixture.given(registered())
                .when(new RecordPayment(CUSTOMER, "P1", TODAY.plusDays(1), cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DATED_IN_THE_FUTURE))
                .expectExceptionMessage("occurredOn 2026-11-25 is after today's business date 2026-11-24");
    }

    @Test
    void aCommandActingOnAnOlderVersionIsRefusedWithTheCurrentOne() {
        fixture.given(registered(), contractWithStagedTerms())
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null),
                        MetaData.with(StaleVersion.EXPECTED_VERSION, 0L))
                .expectNoEvents()
                .expectException(StaleVersion.class)
                .expectExceptionMessage("the account is at version 1, not 0");
    }

    @Test
    void aCommandActingOnTheCurrentVersionIsRecorded() {
        fixture.given(registered(), contractWithStagedTerms())
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null),
                        MetaData.with(StaleVersion.EXPECTED_VERSION, 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(paidToday("P1", "100.00", List.of(), "100.00"));
    }

    @Test
    void anIdOfAFactCannotBeUsedTwice() {
        fixture.given(registered(), invoiced("INV-1", "100.00", "2026-10-01"))
                .when(new IssueInvoice(CUSTOMER, "INV-1", null, TODAY, cny("50.00"),
                        List.of(new InvoiceTerm("T1", cny("50.00"), TODAY)), null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DUPLICATE_ID));
    }

    @Test
    void everyPartOfTheAccountRefusesAFactDatedAfterToday() {
        fixture.given(registered())
                .when(new LogContactAttempt(CUSTOMER, "C-1", TODAY.plusDays(1), "collector-li", Channel.PHONE, "accountant",
                        ContactOutcome.PROMISE_OBTAINED, null, null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DATED_IN_THE_FUTURE));
    }

    @Test
    void onlyARegisteredCustomerHasAnAccount() {
        fixture.givenNoPriorActivity()
                .when(new RecordPayment(CUSTOMER, "P1", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_CUSTOMER));
    }
}
