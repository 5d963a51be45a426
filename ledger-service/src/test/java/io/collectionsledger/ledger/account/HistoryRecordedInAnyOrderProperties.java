package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.time.CloseBusinessDay;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.collectionsledger.ledger.account.Accounts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a customer's history recorded in any order, with closes of day between its facts,
 * leaves facts that say as of every month's end what the history folded day by day says: what is
 * open on each invoice, the late fees owed on each, the stage each has entered, whether new orders
 * are held, the credit limit, and each promise's outcome.
 *
 * <p>Histories with late fees and without are recorded in any order, closes anywhere: a payment of an
 * invoice bearing fees recorded before one of the same invoice dated earlier paid fees that the earlier one
 * shows were not owed; the close takes them back on that payment's date and applies the credit to what the
 * invoice had open then, as the fold in date order has the later payment pay principal with them.
 */
class HistoryRecordedInAnyOrderProperties {

    @Property(tries = 150)
    void aHistoryRecordedInAnyOrderSaysWhatItsDaysSay(@ForAll("histories") CustomerHistory history, @ForAll long order,
                                                      @ForAll("closes") int closes) {
        List<AccountCommand> commands = HistoryRecorder.shuffled(history, new Random(order), closes);
        List<Object> events = HistoryRecorder.record(history, commands);

        history.monthEnds().forEach((day, folded) ->
                assertThat(HistoryRecorder.asOf(events, day)).as("as of %s, recorded in the order %s", day, commands).isEqualTo(folded));
    }

    @Property(tries = 150)
    void aHistoryWithLateFeesRecordedInAnyOrderSaysWhatItsDaysSay(@ForAll("historiesWithLateFees") CustomerHistory history,
                                                                               @ForAll long order, @ForAll("closes") int closes) {
        List<AccountCommand> commands = HistoryRecorder.shuffled(history, new Random(order), closes);
        List<Object> events = HistoryRecorder.record(history, commands);

        history.monthEnds().forEach((day, folded) ->
                assertThat(HistoryRecorder.asOf(events, day)).as("as of %s, recorded in the order %s", day, commands).isEqualTo(folded));
        Collection<CustomerHistory.InvoiceFees> fees = history.lateFeesThrough(TODAY).values();
        seenInOneTryInTen("the contract's cap reached", fees.stream().anyMatch(f -> f.contractCapReachedOn() != null));
        seenInOneTryInTen("the legal cap holding the fees", fees.stream().anyMatch(f -> f.legalCapHeldOn() != null));
        seenInOneTryInTen("a payment paying fees before principal", fees.stream().flatMap(f -> f.paidBy().values().stream()).anyMatch(paid -> paid.signum() > 0));
        seenInOneTryInTen("a close between the facts", commands.subList(0, commands.size() - 1).stream().anyMatch(CloseBusinessDay.class::isInstance));
        Statistics.label("fees a later-recorded payment showed not owed, applied to what the invoice had open")
                .collect(events.stream().anyMatch(e -> e instanceof UnappliedCreditApplied applied && applied.applicationId().startsWith("_late-fees@")));
    }

    /** So that equal answers are not empty ones: what the fees' rules do is met in at least one try in ten. */
    private static void seenInOneTryInTen(String what, boolean seen) {
        Statistics.label(what).collect(seen).coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
    }

    /**
     * Fees are recorded only where an amount must be fixed: a term overdue for a whole month in which the
     * customer paid nothing gets at most one accrual for the days of that month (at its end), and one more
     * on the day its fees reach the contract's cap. A month whose fixes a fact recorded later, dated before
     * them, made wrong has them restated (taken back on their days, and what is owed accrued again, for no
     * day more): those restatements are corrections, not fixes, and such a month is not counted.
     */
    @Property(tries = 100)
    void aMonthOverdueWithoutPaymentsRecordsAtMostOneAccrualPlusOneAtTheCap(@ForAll("historiesWithLateFees") CustomerHistory history,
                                                                          @ForAll long order, @ForAll("closes") int closes) {
        List<AccountCommand> commands = HistoryRecorder.shuffled(history, new Random(order), closes);
        List<Object> events = HistoryRecorder.record(history, commands);
        List<LateFeeAccrual> accruals = events.stream().filter(LateFeesAccrued.class::isInstance)
                .flatMap(e -> ((LateFeesAccrued) e).accruals().stream()).filter(a -> a.days() > 0).toList();
        Set<String> restated = new HashSet<>();
        events.stream().filter(LateFeesCorrected.class::isInstance).map(LateFeesCorrected.class::cast)
                .forEach(e -> e.corrections().forEach(c -> restated.add(c.invoiceId() + " " + YearMonth.from(e.occurredOn()))));

        Map<String, CustomerHistory.InvoiceFees> fees = history.lateFeesThrough(TODAY);
        boolean monthChecked = false;
        boolean capReachedInOne = false;
        for (CustomerHistory.Invoice invoice : history.invoices()) {
            if (invoice.contractId() == null) {
                continue;
            }
            LocalDate capReachedOn = fees.get(invoice.id()).contractCapReachedOn();
            for (YearMonth month = YearMonth.from(invoice.dueOn()).plusMonths(1); month.isBefore(YearMonth.from(TODAY)); month = month.plusMonths(1)) {
                YearMonth m = month;
                boolean paidThatMonth = history.payments().stream().anyMatch(p -> YearMonth.from(p.paidOn()).equals(m));
                if (paidThatMonth || history.openOn(invoice.id(), m.atEndOfMonth()).signum() == 0 || restated.contains(invoice.id() + " " + m)) {
                    continue;
                }
                long recorded = accruals.stream()
                        .filter(a -> a.invoiceId().equals(invoice.id()) && YearMonth.from(a.accruedThrough()).equals(m)).count();
                int atTheCap = capReachedOn != null && YearMonth.from(capReachedOn).equals(m) ? 1 : 0;

                assertThat(recorded).as("accruals of %s for %s, recorded in the order %s", invoice.id(), m, commands).isLessThanOrEqualTo(1 + atTheCap);
                monthChecked = true;
                capReachedInOne |= atTheCap == 1;
            }
        }
        seenInOneTryInTen("a month overdue without payments", monthChecked);
        Statistics.label("the contract's cap reached in such a month").collect(capReachedInOne);
    }

    @Provide
    Arbitrary<Integer> closes() {
        return Arbitraries.integers().between(0, 3);
    }

    /** Up to eight invoices over the year before today, naming no contract, each paid in up to two payments (no two on one day), and up to three promises. */
    @Provide
    Arbitrary<CustomerHistory> histories() {
        return histories(Arbitraries.just(List.of()));
    }

    /**
     * As {@link #histories()}, with two contracts of random late-fee terms (0.001 % to 0.1 % a day, so on both sides
     * of the legal cap's 0.0422 %, capped at 1 % to 30 % of the principal), each invoice under either or none; the
     * last payment of an invoice pays either half of the principal not yet paid, or everything open the day before.
     */
    @Provide
    Arbitrary<CustomerHistory> historiesWithLateFees() {
        Arbitrary<CustomerHistory.Contract> contract = Combinators.combine(
                        Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("0.1")).ofScale(3),
                        Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(30)).ofScale(1))
                .as((rate, cap) -> new CustomerHistory.Contract(null, rate, cap));
        return histories(contract.list().ofSize(2).map(drawn -> List.of(
                new CustomerHistory.Contract("K-1", drawn.get(0).dailyRatePercent(), drawn.get(0).capPercentOfPrincipal()),
                new CustomerHistory.Contract("K-2", drawn.get(1).dailyRatePercent(), drawn.get(1).capPercentOfPrincipal()))));
    }

    private static Arbitrary<CustomerHistory> histories(Arbitrary<List<CustomerHistory.Contract>> contracts) {
        LocalDate first = TODAY.minusYears(1);
        int days = (int) first.until(TODAY, ChronoUnit.DAYS);
        Arbitrary<CustomerHistory.Invoice> invoice = Combinators.combine(
                        Arbitraries.integers().between(0, days - 5), Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 50))
                .as((issued, term, hundreds) -> new CustomerHistory.Invoice(null, first.plusDays(issued), first.plusDays(issued + term),
                        BigDecimal.valueOf(hundreds * 100L)));
        Arbitrary<List<Integer>> paymentDelays = Arbitraries.integers().between(0, 150).list().ofMaxSize(2);
        Arbitrary<List<Integer>> promises = Arbitraries.integers().between(0, days).list().ofMaxSize(3);
        return Combinators.combine(invoice.list().ofMinSize(1).ofMaxSize(8), paymentDelays.list().ofSize(8), Arbitraries.of(true, false).list().ofSize(8),
                promises, Arbitraries.integers().between(0, 40).list().ofSize(3), Arbitraries.integers().between(1, 9).list().ofSize(3),
                contracts, Arbitraries.integers().between(0, 2).list().ofSize(8))
                .as((invoices, delays, whole, promiseDays, promiseTerms, promiseShares, contracted, under) -> {
                    List<CustomerHistory.Invoice> named = new ArrayList<>();
                    List<CustomerHistory.Payment> payments = new ArrayList<>();
                    Set<LocalDate> paymentDays = new HashSet<>();
                    for (int i = 0; i < invoices.size(); i++) {
                        CustomerHistory.Invoice drawn = invoices.get(i);
                        String contractId = under.get(i) == 0 || contracted.isEmpty() ? null : contracted.get(under.get(i) - 1).id();
                        CustomerHistory.Invoice named1 = new CustomerHistory.Invoice("INV-" + (i + 1), contractId, drawn.issuedOn(), drawn.dueOn(), drawn.amount());
                        named.add(named1);
                        BigDecimal left = drawn.amount();
                        // with late fees, an invoice's payments come in the order of their dates, so the last may pay everything open
                        List<Integer> paid = contracted.isEmpty() ? delays.get(i) : delays.get(i).stream().sorted().toList();
                        for (int p = 0; p < paid.size(); p++) {
                            LocalDate on = drawn.issuedOn().plusDays(paid.get(p));
                            if (on.isAfter(TODAY) || !paymentDays.add(on)) {
                                continue;
                            }
                            BigDecimal amount = p < paid.size() - 1 || !whole.get(i) ? left.divide(BigDecimal.valueOf(2)).setScale(0, RoundingMode.DOWN)
                                    : contractId == null ? left
                                    // everything open the day before: the principal left, and the fees owed and not paid
                                    : new CustomerHistory(TODAY, BigDecimal.ZERO, contracted, named, payments, List.of())
                                    .openOn(named1.id(), on.minusDays(1)).max(left);
                            if (amount.signum() > 0) {
                                payments.add(new CustomerHistory.Payment("PAY-" + (i + 1) + "-" + (p + 1), on, named1.id(), amount));
                                left = left.subtract(amount).max(BigDecimal.ZERO);
                            }
                        }
                    }
                    BigDecimal openAtTheEnd = named.stream().map(CustomerHistory.Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .subtract(payments.stream().map(CustomerHistory.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
                    List<CustomerHistory.Promise> promised = new ArrayList<>();
                    for (int p = 0; p < promiseDays.size() && openAtTheEnd.signum() > 0; p++) {
                        LocalDate recordedOn = first.plusDays(promiseDays.get(p));
                        LocalDate promisedDate = recordedOn.plusDays(promiseTerms.get(p));
                        BigDecimal amount = openAtTheEnd.multiply(BigDecimal.valueOf(promiseShares.get(p))).divide(BigDecimal.TEN)
                                .setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE);
                        if (!promisedDate.isAfter(TODAY)) {
                            promised.add(new CustomerHistory.Promise("PTP-" + (p + 1), recordedOn, amount, promisedDate));
                        }
                    }
                    return new CustomerHistory(TODAY, new BigDecimal("100000.00"), contracted, named, payments, promised);
                });
    }
}
