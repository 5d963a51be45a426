package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statement of open items as of a business date, as known at a time: every invoice term (or
 * plan installment) issued by then with something open, oldest due first, with what of it is
 * principal and what late fees; the open total and the unapplied credit per currency (never
 * summed across currencies). As of today, as known now, it shows what {@link CustomerStatement} shows.
 */
public record StatementOfAccount(
        String customerId,
        LocalDate asOf,
        Instant knownAt,
        List<AccountItem> items,
        List<Money> totalOpen,
        List<Money> unappliedCredit) {
}
