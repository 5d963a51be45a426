package io.collectionsledger.contracts.time;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The legal cap on late fees as it was in force day by day: an annual percentage on the principal
 * overdue on each day, from each recorded change's effective date until the next. Built from the
 * recorded changes ({@code policy.LegalLateFeeCapChanged}), never from today's configuration, so a
 * new rate applies from its date and the days before it keep theirs. A day before the first change
 * takes the first: the rate the ledger started with is recorded as in force from the beginning.
 */
public final class LegalLateFeeCaps {

    private final NavigableMap<LocalDate, BigDecimal> annualPercentFrom;

    private LegalLateFeeCaps(NavigableMap<LocalDate, BigDecimal> annualPercentFrom) {
        this.annualPercentFrom = Collections.unmodifiableNavigableMap(annualPercentFrom);
    }

    /** One rate for every day. */
    public static LegalLateFeeCaps constant(BigDecimal annualPercent) {
        return new LegalLateFeeCaps(new TreeMap<>(Map.of(LocalDate.of(1970, 1, 1), annualPercent)));
    }

    /** Rates by the day each takes effect; at least one. */
    public static LegalLateFeeCaps of(Map<LocalDate, BigDecimal> annualPercentFrom) {
        if (annualPercentFrom.isEmpty()) {
            throw new IllegalArgumentException("a schedule of the legal cap needs at least one rate");
        }
        return new LegalLateFeeCaps(new TreeMap<>(annualPercentFrom));
    }

    /** This schedule with {@code annualPercent} in force from {@code effectiveFrom} until the next later change. */
    public LegalLateFeeCaps with(LocalDate effectiveFrom, BigDecimal annualPercent) {
        TreeMap<LocalDate, BigDecimal> changed = new TreeMap<>(annualPercentFrom);
        changed.put(effectiveFrom, annualPercent);
        return new LegalLateFeeCaps(changed);
    }

    /** The annual percentage in force on {@code day}. */
    public BigDecimal annualPercentOn(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> inForce = annualPercentFrom.floorEntry(day);
        return inForce != null ? inForce.getValue() : annualPercentFrom.firstEntry().getValue();
    }

    /** The first day after {@code day} on which another rate takes effect, or null. */
    LocalDate nextChangeAfter(LocalDate day) {
        return annualPercentFrom.higherKey(day);
    }

    /** Each rate by the day it takes effect. */
    public NavigableMap<LocalDate, BigDecimal> annualPercentFrom() {
        return annualPercentFrom;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegalLateFeeCaps other && annualPercentFrom.equals(other.annualPercentFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(annualPercentFrom);
    }

    @Override
    public String toString() {
        return "LegalLateFeeCaps" + annualPercentFrom;
    }
}
