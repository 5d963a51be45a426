package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/** Late fees on one overdue term for the days up to and including {@code accruedThrough}. */
public record LateFeeAccrual(String invoiceId, String termId, Money amount, int days, LocalDate accruedThrough, boolean capped) {
}
