package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, part 3: a close of day that catches up a gap of days closes each account once, for the
 * gap's last day, and records what closing each day of the gap in turn records: the same facts on the
 * same days, with one exception the close of day accepts: fees taken back because they were recorded
 * under an earlier rule are dated the day the command names, so the one close dates such a correction
 * on the gap's last day, the day it is actually made, where closing each day dates it on the first day
 * closed. (Fees a payment dated back made not owed are taken back on the days they were recorded,
 * either way.) The one close records its facts grouped by kind (promises, corrections, fees, stages,
 * holds), not day after day as the closes of each day do, and no reader depends on that order within
 * one account's close: each fact carries its own day. So the two runs are compared in the order of
 * their business days, and of kinds within a day.
 */
class GapClosedOnceTest {

    private static final LocalDate DUE = LocalDate.parse("2026-09-20");
    private static final LocalDate SEPTEMBER_30 = LocalDate.parse("2026-09-30");
    private static final LocalDate OCTOBER_31 = LocalDate.parse("2026-10-31");

    @Test
    void aStageEnteredAfterAMonthsEndInTheGapStatesTheFeesFixedAtThatEnd() {
        List<Object> history = overdueSinceTheDayAfterItsDueDate();
        List<Object> once = closedOnce(history, DUE.plusDays(31));
        assertThat(byDayAndKind(once)).containsExactlyElementsOf(byDayAndKind(closedDayByDay(history, DUE.plusDays(2), DUE.plusDays(31))));
        assertThat(once).filteredOn(CollectionStageReached.class::isInstance).map(CollectionStageReached.class::cast)
                .singleElement().extracting(CollectionStageReached::open).isEqualTo(cny("10042.19"));   // 10,000.00 and September's fees
    }

    @Test
    void feesAPaymentDatedBackMadeNotOwedAreTakenBackOnTheDayTheyWereRecorded() {
        List<Object> history = overdueSinceTheDayAfterItsDueDate();
        history.add(new LateFeesAccrued(CUSTOMER, SEPTEMBER_30, List.of(new LateFeeAccrual("INV-1", "T1", cny("42.19"), 10, SEPTEMBER_30, true))));
        // keyed in after the close of 1 October, dated back: the fees recorded are above the legal cap on what was left overdue
        history.add(new PaymentRecorded(CUSTOMER, "P1", DUE.plusDays(2), cny("9000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal("INV-1", "T1", "9000.00")), cny("0.00")));
        List<Object> once = closedOnce(history, OCTOBER_31);

        assertThat(byDayAndKind(once)).containsExactlyElementsOf(byDayAndKind(closedDayByDay(history, LocalDate.parse("2026-10-02"), OCTOBER_31)));
        assertThat(correction(once).occurredOn()).isEqualTo(SEPTEMBER_30);
    }

    @Test
    void feesRecordedUnderAnEarlierRuleAreTakenBackOnTheDayTheCloseIsMade() {
        List<Object> history = overdueSinceTheDayAfterItsDueDate();
        // the contract's 0.05% a day for 10 days, above the legal cap's 42.19 on 10,000.00: recorded under an earlier rule
        history.add(new LateFeesAccrued(CUSTOMER, SEPTEMBER_30, List.of(new LateFeeAccrual("INV-1", "T1", cny("50.00"), 10, SEPTEMBER_30, false))));
        LocalDate october1 = LocalDate.parse("2026-10-01");
        List<Object> once = closedOnce(history, OCTOBER_31);
        List<Object> dayByDay = closedDayByDay(history, october1, OCTOBER_31);

        assertThat(correction(dayByDay).occurredOn()).isEqualTo(october1);   // the first day closed
        assertThat(correction(once).occurredOn()).isEqualTo(OCTOBER_31);     // the day the one close is made
        assertThat(correction(once).corrections()).isEqualTo(correction(dayByDay).corrections());
        assertThat(byDayAndKind(withoutCorrections(once))).containsExactlyElementsOf(byDayAndKind(withoutCorrections(dayByDay)));
    }

    /** 10,000.00 under a contract of 0.05% a day, due 20 September, in its first stage since the 21st. */
    private static List<Object> overdueSinceTheDayAfterItsDueDate() {
        return new ArrayList<>(List.of(registered(), contractWithStagedTerms(),
                new InvoiceIssued(CUSTOMER, "INV-1", CONTRACT, DUE.minusDays(30), cny("10000.00"), List.of(new InvoiceTerm("T1", cny("10000.00"), DUE)), List.of(), null),
                new CollectionStageReached(CUSTOMER, "INV-1", "T1", DUE.plusDays(1), DUE, CollectionStage.DPD_1_30, cny("10000.00"))));
    }

    private static List<Object> closedDayByDay(List<Object> history, LocalDate from, LocalDate through) {
        List<Object> closes = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            closes.add(new CloseBusinessDay(CUSTOMER, day));
        }
        return recorded(history, closes);
    }

    private static List<Object> closedOnce(List<Object> history, LocalDate day) {
        return recorded(history, List.of(new CloseBusinessDay(CUSTOMER, day)));
    }

    private static List<Object> byDayAndKind(List<Object> events) {
        return events.stream().sorted(Comparator.comparing((Object event) -> ((AccountEvent) event).occurredOn())
                .thenComparing(event -> event.getClass().getSimpleName()).thenComparing(Object::toString)).toList();
    }

    private static LateFeesCorrected correction(List<Object> events) {
        List<LateFeesCorrected> corrections = events.stream().filter(LateFeesCorrected.class::isInstance).map(LateFeesCorrected.class::cast).toList();
        assertThat(corrections).hasSize(1);
        return corrections.get(0);
    }

    private static List<Object> withoutCorrections(List<Object> events) {
        return events.stream().filter(event -> !(event instanceof LateFeesCorrected)).toList();
    }

    /** The events the closes recorded after the history. */
    private static List<Object> recorded(List<Object> history, List<Object> closes) {
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(new BusinessCalendar(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")));
        fixture.registerInjectableResource(CollectionPolicy.defaults());
        fixture.given(history).andGivenCommands(closes.subList(0, closes.size() - 1)).when(closes.get(closes.size() - 1))
                .expectSuccessfulHandlerExecution();
        return fixture.getEventStore().readEvents(CUSTOMER).asStream().map(Message::getPayload).map(Object.class::cast)
                .skip(history.size()).toList();
    }
}
