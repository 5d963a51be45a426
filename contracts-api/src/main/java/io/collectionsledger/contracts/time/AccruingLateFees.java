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
 * The fees owed through a day are one exact sum from the first day past due, on the principal as the
 * facts' business dates have it, rounded once, half up, to the currency's decimals
 * ({@link #owedThrough}). They are a function of the term's history alone, never of what was recorded
 * before: fees are recorded only at the days they must be fixed (a payment, a letter, a write-off, a
 * month's end, the cap reached), and each fix records what is owed through its day less what was
 * recorded, so rounding never adds up from one fix to the next, and a fact dated back that lowers the
 * principal lowers what is owed (what was recorded above it is taken back by its own event).
 *
 * <p>The arithmetic is exact: every amount is carried times 36,500 (percent times days a year), so the
 * legal cap's division by 365 and the rates' by 100 never round before the end. Day by day the rule is
 * {@code f(d) = min(contract cap, f(d-1) + daily fee, legal line(d))} from {@code f(due date) = 0}, whose
 * solution is {@code f(d) = min(contract cap, A(d) + min(0, min over c <= d of (L(c) - A(c))))}, with
 * {@code A} the daily fees summed and {@code L} the legal line. Within a span of days with the same open
 * principal and legal rate {@code L - A} is a line, so its least is at a span's end: the cost is a step
 * per change of principal or rate, not one per day.
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
            /* what is owed through {@code asOf} less what was recorded, to be added to it; zero when none (never below) */
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
     * The fees to record for the days after {@code recordedThrough} (null when none was recorded) up to and
     * including {@code asOf}: what is owed through {@code asOf} less {@code recorded}, the fees recorded so far
     * net of corrections; nothing when that is more than owed (a correction is its own event).
     */
    public Accrued after(Money recorded, LocalDate recordedThrough, LocalDate asOf) {
        LocalDate start = recordedThrough == null || recordedThrough.isBefore(firstDay) ? firstDay : recordedThrough.plusDays(1);
        if (asOf.isBefore(start)) {
            return new Accrued(Money.zero(principal.currency()), 0, recordedThrough, false, null);
        }
        Walk walk = new Walk();
        forEachSpan(firstDay, start.minusDays(1), walk::span);
        BigDecimal feesBefore = walk.fees();
        BigDecimal dailyBefore = walk.daily;
        walk.watchForCap = true;
        forEachSpan(start, asOf, walk::span);
        BigDecimal fees = walk.fees();
        BigDecimal accrued = unscaled(fees).subtract(sameCurrency(recorded).amount()).max(BigDecimal.ZERO);
        boolean capped = walk.capReachedOn != null || fees.subtract(feesBefore).compareTo(walk.daily.subtract(dailyBefore)) < 0;
        return new Accrued(new Money(accrued, principal.currency()), (int) ChronoUnit.DAYS.between(start, asOf) + 1, asOf,
                capped, walk.capReachedOn);
    }

    /** The fees owed through {@code day}: the exact sum of the days from the first past due, under the caps, rounded once. */
    public Money owedThrough(LocalDate day) {
        Walk walk = new Walk();
        forEachSpan(firstDay, day, walk::span);
        return new Money(unscaled(walk.fees()), principal.currency());
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

    /**
     * The days walked so far from the first past due, carried times 36,500: the daily fees summed ({@code A}), the legal
     * line ({@code L}) and the least of {@code L - A} at the ends of the spans walked, zero for the due date itself.
     */
    private final class Walk {
        private final BigDecimal cap = contractCapScaled();
        private BigDecimal daily = BigDecimal.ZERO;
        private BigDecimal legal = BigDecimal.ZERO;
        private BigDecimal least = BigDecimal.ZERO;
        private boolean watchForCap;
        private LocalDate capReachedOn;

        /** The fees through the last day walked. */
        BigDecimal fees() {
            return cap.min(daily.add(least));
        }

        void span(LocalDate from, long days, BigDecimal open, BigDecimal annualPercent) {
            BigDecimal dailyFee = open.multiply(terms.dailyRatePercent()).multiply(DAYS_A_YEAR);
            BigDecimal dailyLegal = open.multiply(annualPercent);
            if (watchForCap && capReachedOn == null && fees().compareTo(cap) < 0) {
                // the fees of a day are min(cap, A + least) with least taking in that day's L - A: they reach the cap on the
                // first day A + least before the span reaches it and, where L - A falls within the span, L reaches it too
                long reach = daysToReach(cap.subtract(daily).subtract(least), dailyFee);
                if (reach > 0 && dailyLegal.compareTo(dailyFee) < 0) {
                    long legalReach = daysToReach(cap.subtract(legal), dailyLegal);
                    reach = legalReach < 0 ? -1 : Math.max(reach, legalReach);
                }
                if (reach > 0 && reach <= days) {
                    capReachedOn = from.plusDays(reach - 1);
                }
            }
            BigDecimal n = BigDecimal.valueOf(days);
            daily = daily.add(dailyFee.multiply(n));
            legal = legal.add(dailyLegal.multiply(n));
            least = least.min(legal.subtract(daily));
        }

        /** The fewest days of {@code perDay} that cover {@code gap} (at least one); none (-1) when they never do. */
        private static long daysToReach(BigDecimal gap, BigDecimal perDay) {
            if (gap.signum() <= 0) {
                return 1;
            }
            return perDay.signum() <= 0 ? -1 : gap.divide(perDay, 0, RoundingMode.CEILING).longValueExact();
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
