package io.collectionsledger.contracts.credit;

import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an order service: allowed only when no reason refuses it, and every reason that
 * applies is listed, not just the first.
 *
 * <p>The credit limit is in one currency, and the ledger converts nothing: exposure is what is
 * open in the limit's currency, less the unapplied credit in it, plus the order. What is open in
 * other currencies is shown in {@code otherCurrencies} and not counted against the limit; an
 * order in another currency is refused ({@code CURRENCY_OUTSIDE_LIMIT}).
 *
 * @param limit           the credit limit in force, null if none was set
 * @param openReceivables open in the limit's currency (the order's when there is no limit), late fees included, written-off excluded
 * @param unappliedCredit the customer's money held in that currency, netted against what is open
 * @param exposure        openReceivables - unappliedCredit + the order (when in that currency)
 * @param otherCurrencies open receivables in every other currency, not counted against the limit
 * @param unpaidBatches   deliveries not yet paid in full (or not yet invoiced), oldest first
 * @param conditions      what the order is allowed on, e.g. settling the latest batch when it is delivered
 */
public record CreditDecision(
        String customerId,
        LocalDate asOf,
        Instant knownAt,
        Money order,
        boolean allowed,
        List<CreditReason> reasons,
        List<CreditReason> conditions,
        Money limit,
        Money openReceivables,
        Money unappliedCredit,
        Money exposure,
        List<Money> otherCurrencies,
        List<String> unpaidBatches) {
}
