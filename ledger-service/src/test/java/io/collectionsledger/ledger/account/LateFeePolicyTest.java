package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.policy.ChangeLegalLateFeeCap;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.shared.InvalidValue;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.collectionsledger.ledger.account.Accounts.TODAY;

/**
 * The legal cap on late fees changes by recorded, dated policy events: the first holds from the beginning,
 * a later one from a day no earlier than today, and a change is recorded once under its id.
 */
class LateFeePolicyTest {

    private static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);
    private static final LegalLateFeeCapChanged STARTED_WITH =
            new LegalLateFeeCapChanged("initial", BEGINNING, new BigDecimal("15.4"), "configured when the ledger first started");

    private FixtureConfiguration<LateFeePolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LateFeePolicy.class);
        fixture.registerInjectableResource(new BusinessCalendar(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theRateTheLedgerStartsWithHoldsFromTheBeginning() {
        fixture.givenNoPriorActivity()
                .when(new ChangeLegalLateFeeCap("initial", BEGINNING, new BigDecimal("15.4"), "configured when the ledger first started"))
                .expectEvents(STARTED_WITH);
    }

    @Test
    void aChangeRecordedAgainUnderItsIdIsRecordedOnce() {
        fixture.given(STARTED_WITH)
                .when(new ChangeLegalLateFeeCap("initial", BEGINNING, new BigDecimal("15.4"), "configured when the ledger first started"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLaterChangeHoldsFromItsOwnDate() {
        LocalDate from = TODAY.plusDays(7);
        fixture.given(STARTED_WITH)
                .when(new ChangeLegalLateFeeCap("LPR-2026-12", from, new BigDecimal("14.8"), "4 x the one-year LPR of 3.70%"))
                .expectEvents(new LegalLateFeeCapChanged("LPR-2026-12", from, new BigDecimal("14.8"), "4 x the one-year LPR of 3.70%"));
    }

    @Test
    void aChangeMayNotReachBackToDaysWhoseFeesMayBeRecorded() {
        fixture.given(STARTED_WITH)
                .when(new ChangeLegalLateFeeCap("LPR-2026-10", TODAY.minusDays(1), new BigDecimal("14.8"), "4 x the one-year LPR of 3.70%"))
                .expectException(InvalidValue.class)
                .expectNoEvents();
    }
}
