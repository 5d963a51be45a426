package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Late fees on one overdue term as they accrue day by day, the one calculation the account and every
 * read model share, so that they agree to the cent. From the day after the due date each day costs
 * that day's open principal (after every fact dated that day) times the contract's daily rate, and the
 * fees through any day stay within the lower of
 * <ul>
 *   <li>the contract's cap, a share of the term's principal, and</li>
 *   <li>the legal cap: each overdue day's open principal times the annual rate in force that day over
 *       365, summed over the days so far.</li>
 * </ul>
 * Fees are recorded only at the days they must be fixed (a payment, a letter, a write-off, a month's
 * end, the cap reached); between two such days they are summed exactly and rounded once, half up, to the
 * currency's decimals. The legal line is always the exact sum from the first overdue day, never the
 * fees recorded carried on, so that no amount fixed rounds above the legal cap rounded (and the close
 * never takes a cent back). What was recorded is never taken back here either: while the fees recorded
 * are above the exact line (a fix rounded up, or fees recorded under an earlier rate) they stay where
 * they are, and rise again only once the line passes them (a correction is its own event).
 *
 * <p>The arithmetic is exact: every amount is carried times 36,500 (percent times days a year), so the
 * legal cap's division by 365 and the rates' by 100 never round before the end. Day by day the rule is
 * {@code fees(d) = max(recorded, min(fees(d-1) + daily fee, contract cap, legal line(d)))}. Within a span
 * of days with the same open principal and the same legal rate it has the closed form
 * {@code min(contract cap, fees + n * daily fee, legal line + n * daily legal cap)} once the line is at
 * or above the fees; before that the fees stay at what was recorded until the day the line passes it,
 * and that day rise to the line at most. So the cost is a step or three per change of principal or
 * rate, not one per day.
 */
public final class AccruingLateFees {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal PERCENT_DAYS_A_YEAR = BigDecimal.valueOf(36500);

    private final LocalDate firstDay;
    private final Money principal;
    private final NavigableMap<LocalDate, BigDecimal> principalChanges = new TreeMap<>();
    private final LateFeeTerms terms;
    private final LegalLateFeeCaps legalCaps;
    private final int decimals;

    /**
     * @param dueDate          the term's due date; fees accrue from the day after
     * @param principal        what the term asked for, the base of the contract's cap
     * @param principalChanges how the open principal changed, by the business date of the fact (signed; a payment is negative)
     * @param terms            the contract's late-fee terms
     * @param legalCaps        the legal cap's rates by the day each took effect
     */
    public AccruingLateFees(LocalDate dueDate, Money principal, Map<LocalDate, Money> principalChanges, LateFeeTerms terms,
                            LegalLateFeeCaps legalCaps) {
        this.firstDay = dueDate.plusDays(1);
        this.principal = principal;
        principalChanges.forEach((day, change) -> this.principalChanges.merge(day, sameCurrency(change).amount(), BigDecimal::add));
        this.terms = terms;
        this.legalCaps = legalCaps;
        this.decimals = Money.decimalsOf(principal.currency());
    }

    /** What accrues on the term after {@code through} and up to {@code asOf}. */
    public record Accrued(
            /* the fees of those days, to be added to what was recorded; zero when none */
            Money amount,
            /* the overdue days counted, after {@code through}; zero when none */
            int days,
            /* the last day counted */
            LocalDate accruedThrough,
            /* true when a cap held the fees below the daily rate on one of those days, or they reached the contract's cap */
            boolean capped,
            /* the day the fees reached the contract's cap, if they did on one of those days; no fees accrue after it */
            LocalDate capReachedOn) {
    }

    /**
     * The fees that accrue after the fees recorded so far, {@code recorded} (net of corrections) for the
     * days through {@code recordedThrough} (null when none was recorded), up to and including {@code asOf}.
     */
    public Accrued after(Money recorded, LocalDate recordedThrough, LocalDate asOf) {
        LocalDate start = recordedThrough == null || recordedThrough.isBefore(firstDay) ? firstDay : recordedThrough.plusDays(1);
        if (asOf.isBefore(start)) {
            return new Accrued(Money.zero(principal.currency()), 0, recordedThrough, false, null);
        }
        BigDecimal cap = contractCapScaled();
        BigDecimal fees = scaled(sameCurrency(recorded));
        BigDecimal[] legalBefore = {BigDecimal.ZERO};
        forEachSpan(firstDay, start.minusDays(1), (from, days, open, annualPercent) ->
                legalBefore[0] = legalBefore[0].add(open.multiply(annualPercent).multiply(BigDecimal.valueOf(days))));
        Run run = new Run(fees, legalBefore[0], cap);
        forEachSpan(start, asOf, run::span);
        BigDecimal accrued = unscaled(run.fees).subtract(recorded.amount()).max(BigDecimal.ZERO);
        return new Accrued(new Money(accrued, principal.currency()), (int) ChronoUnit.DAYS.between(start, asOf) + 1, asOf,
                run.capped || run.capReachedOn != null, run.capReachedOn);
    }

    /** The contract's cap: its share of the term's principal, rounded half up. */
    public Money contractCap() {
        return principal.percent(terms.capPercentOfPrincipal());
    }

    /**
     * The legal cap on the fees of the days up to and including {@code through}: each overdue day's open
     * principal at the annual rate in force that day over 365, summed exactly and rounded once, half up.
     */
    public Money legalCap(LocalDate through) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        forEachSpan(firstDay, through, (from, days, open, annualPercent) ->
                sum[0] = sum[0].add(open.multiply(annualPercent).multiply(BigDecimal.valueOf(days))));
        return new Money(unscaled(sum[0]), principal.currency());
    }

    /** The lower of the two caps on the fees of the days up to and including {@code through}. */
    public Money cap(LocalDate through) {
        return contractCap().min(legalCap(through));
    }

    /** The fees of one run of days, carried times 36,500. */
    private final class Run {
        private BigDecimal fees;
        private BigDecimal legalLine;
        private final BigDecimal cap;
        private boolean capped;
        private LocalDate capReachedOn;

        private Run(BigDecimal fees, BigDecimal legalLine, BigDecimal cap) {
            this.fees = fees;
            this.legalLine = legalLine;
            this.cap = cap;
        }

        private void span(LocalDate from, long days, BigDecimal open, BigDecimal annualPercent) {
            BigDecimal dailyFee = open.multiply(terms.dailyRatePercent()).multiply(DAYS_A_YEAR);
            BigDecimal dailyLegal = open.multiply(annualPercent);
            long held = 0;
            if (legalLine.compareTo(fees) < 0) {
                // the fees are what was recorded, above the exact line: they stay there on the days the line stays at or below
                // them, and on the day it passes them rise to it at most, not by a whole day's fee
                held = dailyLegal.signum() == 0 ? days
                        : fees.subtract(legalLine).divide(dailyLegal, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(days)).longValueExact();
                if (held > 0 && dailyFee.signum() > 0) {
                    capped = true;
                }
                legalLine = legalLine.add(dailyLegal.multiply(BigDecimal.valueOf(held)));
                if (held < days) {
                    rise(from.plusDays(held), 1, dailyFee, dailyLegal);
                    held++;
                }
            }
            if (held < days) {
                rise(from.plusDays(held), days - held, dailyFee, dailyLegal);
            }
        }

        /** The closed form over {@code days} days from {@code from}, exact while the legal line starts at or above the fees (or for one day). */
        private void rise(LocalDate from, long days, BigDecimal dailyFee, BigDecimal dailyLegal) {
            BigDecimal n = BigDecimal.valueOf(days);
            BigDecimal uncapped = fees.add(dailyFee.multiply(n));
            BigDecimal legalEnd = legalLine.add(dailyLegal.multiply(n));
            BigDecimal end = cap.min(uncapped).min(legalEnd).max(fees);
            if (end.compareTo(uncapped) < 0) {
                capped = true;
            }
            if (capReachedOn == null && fees.compareTo(cap) < 0 && end.compareTo(cap) >= 0) {
                long k = Math.max(daysToReach(cap.subtract(fees), dailyFee), daysToReach(cap.subtract(legalLine), dailyLegal));
                capReachedOn = from.plusDays(k - 1);
            }
            fees = end;
            legalLine = legalEnd;
        }

        /** The fewest days of {@code daily} that cover {@code gap}; none when there is no gap. */
        private static long daysToReach(BigDecimal gap, BigDecimal daily) {
            return gap.signum() <= 0 ? 0 : gap.divide(daily, 0, RoundingMode.CEILING).longValueExact();
        }
    }

    @FunctionalInterface
    private interface Span {
        void accept(LocalDate from, long days, BigDecimal openPrincipal, BigDecimal annualPercent);
    }

    /** The days from {@code from} to {@code through}, in runs with the same open principal (never below zero) and legal rate. */
    private void forEachSpan(LocalDate from, LocalDate through, Span span) {
        if (through.isBefore(from)) {
            return;
        }
        BigDecimal open = principal.amount();
        for (BigDecimal change : principalChanges.headMap(from, true).values()) {
            open = open.add(change);
        }
        LocalDate day = from;
        while (!day.isAfter(through)) {
            LocalDate nextPrincipal = principalChanges.higherKey(day);
            LocalDate nextRate = legalCaps.nextChangeAfter(day);
            LocalDate next = earliest(earliest(nextPrincipal, nextRate), through.plusDays(1));
            span.accept(day, ChronoUnit.DAYS.between(day, next), open.max(BigDecimal.ZERO), legalCaps.annualPercentOn(day));
            if (next.equals(nextPrincipal)) {
                open = open.add(principalChanges.get(next));
            }
            day = next;
        }
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private BigDecimal contractCapScaled() {
        return principal.amount().multiply(terms.capPercentOfPrincipal()).multiply(DAYS_A_YEAR);
    }

    private static BigDecimal scaled(Money amount) {
        return amount.amount().multiply(PERCENT_DAYS_A_YEAR);
    }

    private BigDecimal unscaled(BigDecimal scaled) {
        return scaled.divide(PERCENT_DAYS_A_YEAR, decimals, RoundingMode.HALF_UP);
    }

    private Money sameCurrency(Money amount) {
        if (!amount.currency().equals(principal.currency())) {
            throw new IllegalArgumentException("cannot combine " + principal.currency() + " with " + amount.currency());
        }
        return amount;
    }
}
