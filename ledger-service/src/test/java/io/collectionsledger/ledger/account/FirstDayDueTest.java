package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersReleased;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The close of day sends an account {@code CloseBusinessDay} only from the first day whose close
 * would record anything on it ({@link DueDates}): a day with nothing due is not sent, a day with a
 * promise to judge, a stage to reach, fees to fix or orders to hold or release is; and a walk
 * over the days that sends the close only when due records exactly what closing every day records.
 */
class FirstDayDueTest extends AccountFixture {

    private static final CollectionPolicy POLICY = CollectionPolicy.defaults();
    private static final LocalDate FROM = LocalDate.parse("2026-08-01");

    @Test
    void anInvoicePaidBeforeItIsDueLeavesTheAccountDueOnNoDay() {
        Walk walk = new Walk(Map.of(
                LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", CONTRACT, "500.00", "2026-09-30")),
                LocalDate.parse("2026-09-25"), List.of(payment("P1", "2026-09-25", "500.00"))), true);
        walk.through(LocalDate.parse("2026-09-24"));
        assertThat(walk.due.get()).contains(LocalDate.parse("2026-10-01"));   // the first day past due: a stage, fees
        walk.through(TODAY);
        assertThat(walk.closesSent).isEmpty();
        assertThat(walk.due.get()).isEmpty();
    }

    @Test
    void anUnpaidTermWithoutLateFeesIsSentTheCloseOnlyOnTheDaysItCrossesAStageOrHoldsOrders() {
        Walk walk = new Walk(Map.of(LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", null, "500.00", "2026-09-01"))), true);
        walk.through(TODAY);
        // 1 day past due: the first stage; 16 days: orders held; 31 days: the second stage; the third is on 2026-12-01
        assertThat(walk.closesSent).containsExactly(LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-17"), LocalDate.parse("2026-10-02"));
        assertThat(walk.due.get()).contains(LocalDate.parse("2026-12-01"));
    }

    @Test
    void aPromiseIsDueTheDayAfterItsPromisedDateAndNotBefore() {
        Walk walk = new Walk(Map.of(
                LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", null, "500.00", "2026-12-31")),
                LocalDate.parse("2026-09-20"), List.of(promise("300.00", "2026-10-05"))), true);
        walk.through(LocalDate.parse("2026-10-05"));
        assertThat(walk.closesSent).isEmpty();
        assertThat(walk.due.get()).contains(LocalDate.parse("2026-10-06"));
        walk.through(TODAY);
        assertThat(walk.closesSent).containsExactly(LocalDate.parse("2026-10-06"));
        assertThat(walk.recorded).last().isInstanceOf(PaymentPromiseBroken.class);
    }

    @Test
    void anOverdueTermAccruingLateFeesIsNotDueOnQuietDaysButAtEachMonthsEnd() {
        Walk walk = new Walk(Map.of(LocalDate.parse("2026-08-01"), List.of(invoice("INV-1", CONTRACT, "1000.00", "2026-08-10"))), true);
        walk.through(TODAY);
        // the stages (the invoice's issue on 20 August, after its due date, for 1-30; then 31 and 91 days past due), the hold
        // (16 days) and the fees fixed at each month's end: no other day
        assertThat(walk.closesSent).containsExactly(LocalDate.parse("2026-08-20"), LocalDate.parse("2026-08-26"),
                LocalDate.parse("2026-08-31"), LocalDate.parse("2026-09-10"), LocalDate.parse("2026-09-30"),
                LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-09"));
        assertThat(walk.recorded).filteredOn(LateFeesAccrued.class::isInstance).extracting(event -> ((LateFeesAccrued) event).occurredOn())
                .containsExactly(LocalDate.parse("2026-08-31"), LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-31"));
        assertThat(walk.due.get()).contains(LocalDate.parse("2026-11-30"));
    }

    @Test
    void heldOrdersAreJudgedAtTheNextCloseAfterAFactAndNotAgainAfterACloseThatKeptThem() {
        Walk walk = new Walk(Map.of(
                LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", null, "500.00", "2026-09-01")),
                LocalDate.parse("2026-10-20"), List.of(new IssueCreditNote(CUSTOMER, "INV-1", "CN-1", LocalDate.parse("2026-10-20"),
                        cny("500.00"), null, "goods returned"))), true);
        walk.through(LocalDate.parse("2026-10-19"));
        assertThat(walk.closesSent).containsExactly(LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-17"), LocalDate.parse("2026-10-02"));
        walk.through(LocalDate.parse("2026-10-20"));
        assertThat(walk.closesSent).endsWith(LocalDate.parse("2026-10-20"));
        assertThat(walk.recorded).last().isInstanceOf(OrdersReleased.class);
        assertThat(walk.due.get()).isEmpty();
    }

    @Test
    void aPaymentDatedBackThatLowersTheCapUnderFeesRecordedMakesTheAccountDueAtTheNextClose() {
        Map<LocalDate, List<AccountCommand>> facts = Map.of(
                LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", CONTRACT, "1000.00", "2026-10-10")),
                // keyed in a month late: on 2026-10-11 the term was paid, fees and all, so nothing accrued after it is owed
                LocalDate.parse("2026-11-10"), List.of(payment("P1", "2026-10-11", "1100.00")));
        Walk whenDue = new Walk(facts, true);
        whenDue.through(LocalDate.parse("2026-11-10"));
        Walk everyDay = new Walk(facts, false);
        everyDay.through(LocalDate.parse("2026-11-10"));

        assertThat(whenDue.closesSent).endsWith(LocalDate.parse("2026-11-10"));
        assertThat(whenDue.recorded).filteredOn(LateFeesCorrected.class::isInstance).hasSize(1);
        assertThat(whenDue.recorded).isEqualTo(everyDay.recorded);
        assertThat(whenDue.due.get()).isEmpty();
    }

    /**
     * A customer's year as it happens: invoices with and without late fees, a promise partially kept by
     * a payment, orders held, released when a credit note settles what held them, held again, a partial
     * payment. Sending the close only on the days the agenda names records the same facts, in the same
     * order, on the same days, as sending it every day, for a fraction of the closes.
     */
    @Test
    void closingOnlyTheDaysDueRecordsExactlyWhatClosingEveryDayRecords() {
        Map<LocalDate, List<AccountCommand>> facts = Map.of(
                LocalDate.parse("2026-08-20"), List.of(invoice("INV-1", CONTRACT, "1000.00", "2026-10-10"), invoice("INV-2", null, "500.00", "2026-09-01")),
                LocalDate.parse("2026-09-20"), List.of(promise("300.00", "2026-10-05")),
                LocalDate.parse("2026-10-03"), List.of(payment("P1", "2026-10-03", "200.00")),
                LocalDate.parse("2026-10-20"), List.of(new IssueCreditNote(CUSTOMER, "INV-2", "CN-1", LocalDate.parse("2026-10-20"),
                        cny("300.00"), null, "price corrected")),
                LocalDate.parse("2026-11-10"), List.of(payment("P2", "2026-11-10", "600.00")));
        Walk everyDay = new Walk(facts, false);
        everyDay.through(TODAY);
        Walk whenDue = new Walk(facts, true);
        whenDue.through(TODAY);

        assertThat(whenDue.recorded).isEqualTo(everyDay.recorded);
        assertThat(everyDay.recorded)
                .anySatisfy(event -> assertThat(event).isInstanceOf(OrdersReleased.class))
                .filteredOn(OrdersHeld.class::isInstance).hasSize(2);
        assertThat(everyDay.closesSent).hasSize(116);
        // before INV-2 is first overdue, and from the credit note until INV-1 is overdue: nothing due
        assertThat(whenDue.closesSent).first().isEqualTo(LocalDate.parse("2026-09-02"));
        assertThat(whenDue.closesSent).hasSizeLessThan(everyDay.closesSent.size() - 30);
    }

    /**
     * Days from {@link #FROM} in order: the facts recorded on a day, each as a command, then the
     * close of the day, sent every day or only when the account's first day due has come, as the close
     * of day reads it from the agenda the dispatcher writes after each command.
     */
    private final class Walk {

        private final Map<LocalDate, List<AccountCommand>> facts;
        private final boolean onlyWhenDue;
        private final List<Object> history = new ArrayList<>(List.of(registered(), contractWithStagedTerms()));
        final List<Object> recorded = new ArrayList<>();
        final List<LocalDate> closesSent = new ArrayList<>();
        /** A registration and a contract put nothing on the agenda. */
        final AtomicReference<Optional<LocalDate>> due = new AtomicReference<>(Optional.empty());
        private LocalDate next = FROM;

        Walk(Map<LocalDate, List<AccountCommand>> facts, boolean onlyWhenDue) {
            this.facts = facts;
            this.onlyWhenDue = onlyWhenDue;
        }

        void through(LocalDate last) {
            for (; !next.isAfter(last); next = next.plusDays(1)) {
                for (AccountCommand fact : facts.getOrDefault(next, List.of())) {
                    run(fact);
                }
                if (!onlyWhenDue || due.get().filter(day -> !day.isAfter(next)).isPresent()) {
                    closesSent.add(next);
                    run(new CloseBusinessDay(CUSTOMER, next));
                }
            }
        }

        private void run(AccountCommand command) {
            List<Object> produced = new ArrayList<>();
            fixture.given(history).when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(kept(produced))
                    .expectState(account -> due.set(account.firstDayDue(POLICY)));
            history.addAll(produced);
            recorded.addAll(produced);
        }
    }

    private static Matcher<List<EventMessage<?>>> kept(List<Object> produced) {
        return new CustomTypeSafeMatcher<>("any events, kept") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                events.forEach(event -> produced.add(event.getPayload()));
                return true;
            }
        };
    }

    private static IssueInvoice invoice(String invoiceId, String contractId, String amount, String dueDate) {
        return new IssueInvoice(CUSTOMER, invoiceId, contractId, LocalDate.parse("2026-08-20"), cny(amount),
                List.of(new InvoiceTerm("T1", cny(amount), LocalDate.parse(dueDate))), List.of(), "fapiao-" + invoiceId);
    }

    private static RecordPaymentPromise promise(String amount, String promisedDate) {
        return new RecordPaymentPromise(CUSTOMER, "PR-1", LocalDate.parse("2026-09-20"), cny(amount), LocalDate.parse(promisedDate),
                RecordPaymentPromise.Form.WRITTEN, "collector-li", List.of(), "DOC-PR-1");
    }

    private static RecordPayment payment(String paymentId, String on, String amount) {
        return new RecordPayment(CUSTOMER, paymentId, LocalDate.parse(on), cny(amount), RecordPayment.Method.BANK_TRANSFER, null, null);
    }
}
