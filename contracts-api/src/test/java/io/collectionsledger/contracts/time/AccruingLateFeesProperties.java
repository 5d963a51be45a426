package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random histories (principal, payments and reopenings on random days, contract terms, dated changes
 * of the legal cap), the fees equal a naive fold over the days: each day its open principal times the daily
 * rate, the running total held under the contract's cap and the exact legal cap so far, rounded to cents
 * once, at the day asked about. Fees fixed on any days add up to that, whatever the days (no rounding adds
 * up from one fix to the next), and no amount fixed is above what is owed through its day.
 */
class AccruingLateFeesProperties {

    private static final LocalDate DUE = LocalDate.of(2025, 1, 31);
    private static final BigDecimal SCALE = BigDecimal.valueOf(36500);

    record History(Money principal, Map<LocalDate, Money> changes, LateFeeTerms terms, LegalLateFeeCaps legalCaps, int days,
                   Set<Integer> fixDays) {
    }

    @Property(tries = 300)
    void feesThroughAnyDayAreTheDayByDaySumUnderTheCaps(@ForAll("histories") History history) {
        AccruingLateFees fees = new AccruingLateFees(DUE, history.principal(), history.changes(), history.terms(), history.legalCaps());
        LocalDate asOf = DUE.plusDays(history.days());

        assertThat(fees.after(Money.zero("CNY"), null, asOf).amount()).isEqualTo(owed(history, history.days()));
        assertThat(fees.owedThrough(asOf)).isEqualTo(owed(history, history.days()));
    }

    @Property(tries = 300)
    void feesFixedOnAnyDaysAddUpToTheDayByDaySumRoundedOnce(@ForAll("histories") History history) {
        AccruingLateFees fees = new AccruingLateFees(DUE, history.principal(), history.changes(), history.terms(), history.legalCaps());
        Money recorded = Money.zero("CNY");
        LocalDate through = null;
        for (int fixDay : history.fixDays()) {
            recorded = recorded.plus(fees.after(recorded, through, DUE.plusDays(fixDay)).amount());
            through = DUE.plusDays(fixDay);
        }
        recorded = recorded.plus(fees.after(recorded, through, DUE.plusDays(history.days())).amount());

        assertThat(recorded).isEqualTo(owed(history, history.days()));
    }

    @Property(tries = 300)
    void eachFixRecordsWhatIsOwedThroughItsDay(@ForAll("histories") History history) {
        AccruingLateFees fees = new AccruingLateFees(DUE, history.principal(), history.changes(), history.terms(), history.legalCaps());
        Money recorded = Money.zero("CNY");
        LocalDate through = null;
        for (int fixDay : history.fixDays()) {
            recorded = recorded.plus(fees.after(recorded, through, DUE.plusDays(fixDay)).amount());
            through = DUE.plusDays(fixDay);

            assertThat(recorded).as("fixed through %s", through).isEqualTo(owed(history, fixDay));
        }
    }

    /**
     * Any amount recorded through any day, below what is owed or above it (recorded under an earlier rule, or on
     * principal a payment dated back had paid): what accrues after it is what is owed less it, never below nothing.
     */
    @Property(tries = 300)
    void feesAfterAnyAmountRecordedAreWhatIsOwedLessIt(@ForAll("histories") History history, @ForAll("recordedAmounts") BigDecimal recorded,
                                                       @ForAll("recordedDays") int through) {
        AccruingLateFees fees = new AccruingLateFees(DUE, history.principal(), history.changes(), history.terms(), history.legalCaps());
        Money amount = new Money(recorded, "CNY");

        Money after = fees.after(amount, DUE.plusDays(through), DUE.plusDays(history.days())).amount();

        Money owed = owed(history, history.days());
        assertThat(after).isEqualTo(through >= history.days() || !owed.exceeds(amount) ? Money.zero("CNY") : owed.minus(amount));
    }

    /** The day the fees reach the contract's cap is the first day of the window on which the fold's exact sum is at it. */
    @Property(tries = 300)
    void theCapIsReachedOnTheFirstDayTheSumIsAtIt(@ForAll("histories") History history, @ForAll("recordedDays") int through) {
        AccruingLateFees fees = new AccruingLateFees(DUE, history.principal(), history.changes(), history.terms(), history.legalCaps());
        List<BigDecimal> exact = exactByDay(history);
        BigDecimal cap = history.principal().amount().multiply(history.terms().capPercentOfPrincipal()).multiply(BigDecimal.valueOf(365));
        LocalDate expected = null;
        for (int d = through + 1; d <= history.days() && exact.get(through).compareTo(cap) < 0; d++) {
            if (exact.get(d).compareTo(cap) >= 0) {
                expected = DUE.plusDays(d);
                break;
            }
        }

        assertThat(fees.after(Money.zero("CNY"), DUE.plusDays(through), DUE.plusDays(history.days())).capReachedOn()).isEqualTo(expected);
    }

    /** The fold's fees owed through the {@code day}th day past due, rounded once. */
    private static Money owed(History history, int day) {
        return new Money(exactByDay(history).get(day).divide(SCALE, 2, RoundingMode.HALF_UP), "CNY");
    }

    /** Day by day from the day after the due date (index 0: the due date), times 36,500 so that nothing rounds. */
    private static List<BigDecimal> exactByDay(History history) {
        List<BigDecimal> byDay = new java.util.ArrayList<>(List.of(BigDecimal.ZERO));
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal legalCap = BigDecimal.ZERO;
        BigDecimal contractCap = history.principal().amount().multiply(history.terms().capPercentOfPrincipal()).multiply(BigDecimal.valueOf(365));
        for (int d = 1; d <= 420; d++) {
            LocalDate day = DUE.plusDays(d);
            BigDecimal open = history.principal().amount();
            for (Map.Entry<LocalDate, Money> change : history.changes().entrySet()) {
                if (!change.getKey().isAfter(day)) {
                    open = open.add(change.getValue().amount());
                }
            }
            open = open.max(BigDecimal.ZERO);
            legalCap = legalCap.add(open.multiply(history.legalCaps().annualPercentOn(day)));
            BigDecimal uncapped = fees.add(open.multiply(history.terms().dailyRatePercent()).multiply(BigDecimal.valueOf(365)));
            fees = uncapped.min(contractCap).min(legalCap);
            byDay.add(fees);
        }
        return byDay;
    }

    @Provide
    Arbitrary<BigDecimal> recordedAmounts() {
        return Arbitraries.longs().between(0, 5_000_000L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<Integer> recordedDays() {
        return Arbitraries.integers().between(1, 420);
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Money> principal = Arbitraries.longs().between(1, 100_000_000L).map(cents -> new Money(BigDecimal.valueOf(cents, 2), "CNY"));
        Arbitrary<NavigableMap<LocalDate, Money>> changes = Combinators.combine(Arbitraries.integers().between(-10, 400),
                        Arbitraries.longs().between(-50_000_000L, 5_000_000L))
                .as((day, cents) -> Map.entry(DUE.plusDays(day), new Money(BigDecimal.valueOf(cents, 2), "CNY")))
                .list().ofMaxSize(5)
                .map(AccruingLateFeesProperties::byDay);
        Arbitrary<LateFeeTerms> terms = Combinators.combine(Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2))
                .as((rate, cap) -> new LateFeeTerms(rate, cap, false));
        Arbitrary<LegalLateFeeCaps> legalCaps = Combinators.combine(Arbitraries.integers().between(-30, 400),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(40)).ofScale(3))
                .as(Map::entry).list().ofMinSize(1).ofMaxSize(3)
                .map(rates -> {
                    TreeMap<LocalDate, BigDecimal> schedule = new TreeMap<>();
                    rates.forEach(rate -> schedule.put(DUE.plusDays(rate.getKey()), rate.getValue()));
                    return LegalLateFeeCaps.of(schedule);
                });
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 420);
        Arbitrary<Set<Integer>> fixDays = Arbitraries.integers().between(1, 420).set().ofMaxSize(6).map(TreeSet::new);
        return Combinators.combine(principal, changes, terms, legalCaps, days, fixDays)
                .as((p, c, t, l, d, f) -> new History(p, c, t, l, d, new TreeSet<>(f.stream().filter(day -> day < d).toList())));
    }

    private static NavigableMap<LocalDate, Money> byDay(List<Map.Entry<LocalDate, Money>> changes) {
        NavigableMap<LocalDate, Money> byDay = new TreeMap<>();
        changes.forEach(change -> byDay.merge(change.getKey(), change.getValue(), Money::plus));
        return byDay;
    }
}
