package io.collectionsledger.contracts.evidence;

import java.time.LocalDate;

/**
 * The limitation period (诉讼时效, 3 years, PRC Civil Code art. 188) of the overdue term that
 * expires first: it runs from the term's due date, or from the last fact that restarted it (art.
 * 195: a dunning letter with proof of delivery, a confirmed reconciliation statement, a payment
 * promise, a partial payment, a payment plan, a suit filed), whichever is later.
 *
 * @param restartedBy the fact it runs from; absent when it runs from the due date
 */
public record LimitationPeriod(LocalDate expiresOn, long daysLeft, String invoiceId, String termId, LocalDate dueDate,
                               LocalDate runsFrom, Proof restartedBy) {
}
