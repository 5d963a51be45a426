package io.collectionsledger.contracts.aging;

import io.collectionsledger.contracts.shared.Money;

import java.util.List;

/**
 * One customer's (or, with customerId null, the portfolio's) receivables in one currency:
 * undisputed open amounts per bucket, the disputed amount in a column of its own, and the total,
 * which is the buckets plus the disputed column. Unapplied credit is shown apart, not netted.
 */
public record AgingRow(String customerId, String currency, List<Money> buckets, Money disputed, Money total, Money unappliedCredit) {
}
