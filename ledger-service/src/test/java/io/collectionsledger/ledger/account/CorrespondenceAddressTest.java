package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.customer.CorrespondenceAddressRecorded;
import io.collectionsledger.contracts.customer.RecordCorrespondenceAddress;
import org.junit.jupiter.api.Test;

import static io.collectionsledger.ledger.account.Accounts.*;

/** Where letters to the customer go and who attends to them: the recipient of a dunning letter (issue 22). */
class CorrespondenceAddressTest extends AccountFixture {

    private static final String ADDRESS = "上海市浦东新区张江路 88 号 3 楼";

    @Test
    void anAddressAndThePersonToAttendToLettersAreRecordedInTheCreditFile() {
        fixture.given(registered())
                .when(new RecordCorrespondenceAddress(CUSTOMER, TODAY, ADDRESS, "201203", "Zhang San", "+86 21 5555 0101"))
                .expectEvents(new CorrespondenceAddressRecorded(CUSTOMER, TODAY, ADDRESS, "201203", "Zhang San", "+86 21 5555 0101"));
    }

    @Test
    void aLaterAddressIsRecordedBesideTheEarlierOneWhichStaysInTheHistory() {
        fixture.given(registered(), new CorrespondenceAddressRecorded(CUSTOMER, TODAY.minusDays(30), ADDRESS, null, "Zhang San", null))
                .when(new RecordCorrespondenceAddress(CUSTOMER, TODAY, "北京市朝阳区建国路 1 号", "100022", "Li Si", null))
                .expectEvents(new CorrespondenceAddressRecorded(CUSTOMER, TODAY, "北京市朝阳区建国路 1 号", "100022", "Li Si", null));
    }

    @Test
    void anAddressFromADateStillToComeIsRefused() {
        fixture.given(registered())
                .when(new RecordCorrespondenceAddress(CUSTOMER, TODAY.plusDays(1), ADDRESS, null, "Zhang San", null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.DATED_IN_THE_FUTURE));
    }

    @Test
    void aCustomerNeverRegisteredHasNoAddressToRecord() {
        fixture.givenNoPriorActivity()
                .when(new RecordCorrespondenceAddress(CUSTOMER, TODAY, ADDRESS, null, "Zhang San", null))
                .expectNoEvents()
                .expectException(refusedBy(Rule.UNKNOWN_CUSTOMER));
    }
}
