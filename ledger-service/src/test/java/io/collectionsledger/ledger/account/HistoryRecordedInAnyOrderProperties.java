package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.shared.AccountCommand;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.collectionsledger.ledger.account.Accounts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a customer's history recorded in any order, with closes of day between its facts,
 * leaves facts that say as of every month's end what the history folded day by day says: what is
 * open on each invoice, the stage each has entered, whether new orders are held, the credit limit,
 * and each promise's outcome. Late fees are left out (the invoices carry no late-fee terms).
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

    @Provide
    Arbitrary<Integer> closes() {
        return Arbitraries.integers().between(0, 3);
    }

    /** Up to eight invoices over the year before today, each paid in up to two payments (no two on one day), and up to three promises. */
    @Provide
    Arbitrary<CustomerHistory> histories() {
        LocalDate first = TODAY.minusYears(1);
        int days = (int) first.until(TODAY, java.time.temporal.ChronoUnit.DAYS);
        Arbitrary<CustomerHistory.Invoice> invoice = Combinators.combine(
                        Arbitraries.integers().between(0, days - 5), Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 50))
                .as((issued, term, hundreds) -> new CustomerHistory.Invoice(null, first.plusDays(issued), first.plusDays(issued + term),
                        BigDecimal.valueOf(hundreds * 100L)));
        Arbitrary<List<Integer>> paymentDelays = Arbitraries.integers().between(0, 150).list().ofMaxSize(2);
        Arbitrary<List<Integer>> promises = Arbitraries.integers().between(0, days).list().ofMaxSize(3);
        return Combinators.combine(invoice.list().ofMinSize(1).ofMaxSize(8), paymentDelays.list().ofSize(8), Arbitraries.of(true, false).list().ofSize(8),
                promises, Arbitraries.integers().between(0, 40).list().ofSize(3), Arbitraries.integers().between(1, 9).list().ofSize(3))
                .as((invoices, delays, whole, promiseDays, promiseTerms, promiseShares) -> {
                    List<CustomerHistory.Invoice> named = new ArrayList<>();
                    List<CustomerHistory.Payment> payments = new ArrayList<>();
                    Set<LocalDate> paymentDays = new HashSet<>();
                    for (int i = 0; i < invoices.size(); i++) {
                        CustomerHistory.Invoice drawn = invoices.get(i);
                        CustomerHistory.Invoice named1 = new CustomerHistory.Invoice("INV-" + (i + 1), drawn.issuedOn(), drawn.dueOn(), drawn.amount());
                        named.add(named1);
                        BigDecimal left = drawn.amount();
                        List<Integer> paid = delays.get(i);
                        for (int p = 0; p < paid.size(); p++) {
                            LocalDate on = drawn.issuedOn().plusDays(paid.get(p));
                            if (on.isAfter(TODAY) || !paymentDays.add(on)) {
                                continue;
                            }
                            BigDecimal amount = p == paid.size() - 1 && whole.get(i) ? left : left.divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN);
                            if (amount.signum() > 0) {
                                payments.add(new CustomerHistory.Payment("PAY-" + (i + 1) + "-" + (p + 1), on, named1.id(), amount));
                                left = left.subtract(amount);
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
                                .setScale(0, java.math.RoundingMode.DOWN).max(BigDecimal.ONE);
                        if (!promisedDate.isAfter(TODAY)) {
                            promised.add(new CustomerHistory.Promise("PTP-" + (p + 1), recordedOn, amount, promisedDate));
                        }
                    }
                    return new CustomerHistory(TODAY, new BigDecimal("100000.00"), named, payments, promised);
                });
    }
}
