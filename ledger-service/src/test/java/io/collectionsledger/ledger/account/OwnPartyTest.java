package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.party.LedgerPartyRecorded;
import io.collectionsledger.contracts.party.RecordLedgerParty;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.collectionsledger.ledger.account.Accounts.TODAY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The party the ledger keeps accounts for: the sender of its letters, recorded once and corrected by later records (issue 22). */
class OwnPartyTest {

    private FixtureConfiguration<OwnParty> fixture;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(OwnParty.class);
        fixture.registerInjectableResource(new BusinessCalendar(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void noCustomerCanBeRegisteredUnderTheLedgerPartysId() {
        assertThatThrownBy(() -> Require.id(RecordLedgerParty.LEDGER, "customerId")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLedgersOwnPartyIsRecordedWithTheAccountItIsPaidInto() {
        fixture.givenNoPriorActivity()
                .when(party("上海市黄浦区中山东一路 1 号"))
                .expectEvents(recorded("上海市黄浦区中山东一路 1 号"));
    }

    @Test
    void aLaterRecordCorrectsItAndTheEarlierStaysInTheHistory() {
        fixture.given(recorded("上海市黄浦区中山东一路 1 号"))
                .when(party("上海市浦东新区世纪大道 100 号"))
                .expectEvents(recorded("上海市浦东新区世纪大道 100 号"));
    }

    @Test
    void aRecordFromADateStillToComeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordLedgerParty("上海某某建材集团有限公司", null, "上海市黄浦区中山东一路 1 号", null, null, null, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(AccountFixture.refusedBy(Rule.DATED_IN_THE_FUTURE));
    }

    private static RecordLedgerParty party(String address) {
        return new RecordLedgerParty("上海某某建材集团有限公司", "91310000MA1FL0002Y", address, "200002", "中国工商银行上海分行",
                "1001 2345 6789 0000 123", TODAY);
    }

    private static LedgerPartyRecorded recorded(String address) {
        return new LedgerPartyRecorded(TODAY, "上海某某建材集团有限公司", "91310000MA1FL0002Y", address, "200002", "中国工商银行上海分行",
                "1001 2345 6789 0000 123");
    }
}
