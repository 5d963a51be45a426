package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;
import io.collectionsledger.contracts.time.LateFeeCorrection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Late fees on one overdue term: the contract's daily rate on the open principal for each day
 * from the day after the due date, never above the contract's cap (a share of the term's
 * principal) nor the legal cap (an annual rate on the principal overdue on each day: through a
 * day, the sum over the overdue days of that day's open principal times the rate over 365).
 */
final class LateFees {

    /** An annual percentage over 365 days: the share of a principal one day at that rate costs, times 100. */
    private static final BigDecimal PERCENT_DAYS_A_YEAR = BigDecimal.valueOf(36500);

    private LateFees() {
    }

    static Optional<LateFeeAccrual> accrue(OpenTerm term, LateFeeTerms terms, LocalDate through, CollectionPolicy policy) {
        LocalDate from = term.accruedThrough() == null ? term.dueDate.plusDays(1) : term.accruedThrough().plusDays(1);
        if (from.isAfter(through)) {
            return Optional.empty();
        }
        int days = (int) ChronoUnit.DAYS.between(from, through) + 1;
        Money openPrincipal = term.open(Component.PRINCIPAL);
        Money due = openPrincipal.percent(terms.dailyRatePercent().multiply(BigDecimal.valueOf(days)));
        Money room = cap(term, terms, through, policy).minus(term.lateFeesAccrued());
        boolean capped = due.exceeds(room);
        Money accrued = capped ? room : due;
        if (accrued.signum() <= 0) {
            return capped
                    ? Optional.of(new LateFeeAccrual(term.invoiceId, term.termId, Money.zero(term.currency), days, through, true))
                    : Optional.empty();
        }
        return Optional.of(new LateFeeAccrual(term.invoiceId, term.termId, accrued, days, through, capped));
    }

    /**
     * What must be taken back when the fees recorded on the term (net of earlier corrections) are
     * above the caps through the last day they were accrued for: fees accrued under an earlier
     * rule, or on principal a payment recorded later had already paid on those days.
     */
    static Optional<LateFeeCorrection> correction(OpenTerm term, LateFeeTerms terms, CollectionPolicy policy) {
        if (term.accruedThrough() == null) {
            return Optional.empty();
        }
        Money cap = cap(term, terms, term.accruedThrough(), policy);
        Money recorded = term.lateFeesAccrued();
        if (!recorded.exceeds(cap)) {
            return Optional.empty();
        }
        Money takenBack = recorded.minus(cap);
        Money credited = takenBack.minus(takenBack.min(term.open(Component.LATE_FEES)));
        return Optional.of(new LateFeeCorrection(term.invoiceId, term.termId, term.accruedThrough(), recorded, cap, takenBack, credited));
    }

    /** The lower of the two caps on the fees of the days up to and including {@code through}. */
    static Money cap(OpenTerm term, LateFeeTerms terms, LocalDate through, CollectionPolicy policy) {
        Money contractCap = term.principal.percent(terms.capPercentOfPrincipal());
        return contractCap.min(legalCap(term, through, policy.legalLateFeeCapAnnualPercent()));
    }

    /**
     * The legal cap through {@code through}: each overdue day's open principal at the annual rate
     * over 365, summed exactly over the days and rounded once, half up, to the currency's decimals.
     */
    static Money legalCap(OpenTerm term, LocalDate through, BigDecimal annualPercent) {
        LocalDate first = term.dueDate.plusDays(1);
        if (through.isBefore(first)) {
            return Money.zero(term.currency);
        }
        BigDecimal principalDays = BigDecimal.ZERO;
        BigDecimal open = term.principalOpenOn(first).amount();
        LocalDate from = first;
        for (Map.Entry<LocalDate, Money> change : term.principalChangesBetween(first, through).entrySet()) {
            principalDays = principalDays.add(open.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, change.getKey()))));
            open = open.add(change.getValue().amount());
            from = change.getKey();
        }
        principalDays = principalDays.add(open.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, through) + 1)));
        BigDecimal cap = principalDays.multiply(annualPercent).divide(PERCENT_DAYS_A_YEAR, Money.decimalsOf(term.currency), RoundingMode.HALF_UP);
        return new Money(cap.max(BigDecimal.ZERO), term.currency);
    }
}
