package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.receivable.Allocation.Component;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.time.LateFeeAccrual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Late fees on one overdue term: the contract's daily rate on the open principal for each day
 * from the day after the due date, never above the contract's cap (a share of the principal) nor
 * the legal cap (an annual rate on the principal for the days overdue).
 */
final class LateFees {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    private LateFees() {
    }

    static Optional<LateFeeAccrual> accrue(OpenTerm term, LateFeeTerms terms, LocalDate through, CollectionPolicy policy) {
        LocalDate from = term.accruedThrough() == null ? term.dueDate.plusDays(1) : term.accruedThrough().plusDays(1);
        if (from.isAfter(through)) {
            return Optional.empty();
        }
        int days = (int) ChronoUnit.DAYS.between(from, through) + 1;
        int daysPastDue = (int) ChronoUnit.DAYS.between(term.dueDate, through);
        Money openPrincipal = term.open(Component.PRINCIPAL);
        Money due = openPrincipal.percent(terms.dailyRatePercent().multiply(BigDecimal.valueOf(days)));
        Money contractCap = term.principal.percent(terms.capPercentOfPrincipal());
        Money legalCap = term.principal.percent(policy.legalLateFeeCapAnnualPercent()
                .multiply(BigDecimal.valueOf(daysPastDue)).divide(DAYS_A_YEAR, 10, RoundingMode.HALF_UP));
        Money room = contractCap.min(legalCap).minus(term.lateFeesAccrued());
        boolean capped = due.exceeds(room);
        Money accrued = capped ? room : due;
        if (accrued.signum() <= 0) {
            return capped
                    ? Optional.of(new LateFeeAccrual(term.invoiceId, term.termId, Money.zero(term.currency), days, through, true))
                    : Optional.empty();
        }
        return Optional.of(new LateFeeAccrual(term.invoiceId, term.termId, accrued, days, through, capped));
    }
}
