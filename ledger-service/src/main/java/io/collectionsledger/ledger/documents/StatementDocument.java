package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.statement.AccountItem;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a statement of account sent to the customer states: its open items as of the date with the
 * days each is past due, and per currency what is open and the unapplied credit kept for it.
 */
public record StatementDocument(
        LocalDate asOf,
        Instant knownAt,
        Party sender,
        Party recipient,
        List<Line> lines,
        List<CurrencyTotal> totals) {

    /** An open item and its days past due (aging report; 0 while not yet due). */
    public record Line(AccountItem item, long daysPastDue) {
    }

    /** What is open in one currency and the unapplied credit in it (either may be zero), as the statement of account totals them. */
    public record CurrencyTotal(String currency, Money open, Money unappliedCredit) {
    }
}
