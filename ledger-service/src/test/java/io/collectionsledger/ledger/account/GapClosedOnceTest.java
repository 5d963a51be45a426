package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.CollectionStage;
import io.collectionsledger.contracts.time.CollectionStageReached;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
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
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, part 3: a close of day that catches up a gap of days closes the account once, for the gap's
 * last day, and must record what closing each day of the gap in turn records: the same facts on the same
 * days. Both cases fail on c34825a (evidence for the lead): a stage entered after a month's end in the gap
 * states what was open without the fees fixed at that month's end (the close works out stages before
 * fees), and fees taken back are dated the day the command names, not the gap's first day.
 */
class GapClosedOnceTest {

    private static final LocalDate DUE = LocalDate.parse("2026-09-20");

    @Test
    void aStageEnteredAfterAMonthsEndInTheGapStatesTheFeesFixedAtThatEnd() {
        List<Object> history = overdueSinceTheDayAfterItsDueDate();
        assertThat(closedOnce(history, DUE.plusDays(31))).containsExactlyInAnyOrderElementsOf(closedDayByDay(history, DUE.plusDays(2), DUE.plusDays(31)));
    }

    @Test
    void feesTakenBackAtTheGapsFirstDayAreTakenBackOnThatDay() {
        LocalDate september30 = LocalDate.parse("2026-09-30");
        List<Object> history = overdueSinceTheDayAfterItsDueDate();
        history.add(new LateFeesAccrued(CUSTOMER, september30, List.of(new LateFeeAccrual("INV-1", "T1", cny("50.00"), 10, september30, false))));
        // keyed in after the close of 1 October, dated back: the fees recorded are above the legal cap on what was left overdue
        history.add(new PaymentRecorded(CUSTOMER, "P1", DUE.plusDays(2), cny("9000.00"), RecordPayment.Method.BANK_TRANSFER, null,
                List.of(principal("INV-1", "T1", "9000.00")), cny("0.00")));
        LocalDate october31 = LocalDate.parse("2026-10-31");
        assertThat(closedOnce(history, october31)).containsExactlyInAnyOrderElementsOf(closedDayByDay(history, LocalDate.parse("2026-10-02"), october31));
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
