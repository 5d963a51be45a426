package io.collectionsledger.contracts.time;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/**
 * Late fees taken back on one term because more was recorded than is owed through
 * {@code accruedThrough}: {@code recorded} is what the term's accruals (net of earlier corrections)
 * added up to, {@code cap} what is owed through that day (the daily rate on each day's open principal,
 * within the contract's and the legal cap, rounded once), and {@code takenBack} the difference.
 * {@code credited} is what money dated by the correction's date had paid above the fees owed: that
 * money was received for fees not owed, so it becomes the customer's unapplied credit. It may exceed
 * {@code takenBack} (fees taken back while open, then paid by money dated later) and be all there is
 * ({@code takenBack} zero: fees that money dated earlier, recorded later, paid first). What is open
 * of the fees changes by {@link #openTakenBack()}, which is negative when more is credited than taken back.
 */
public record LateFeeCorrection(String invoiceId, String termId, LocalDate accruedThrough, Money recorded, Money cap,
                                Money takenBack, Money credited) {

    /** What the correction removes from the fees open on the term. */
    public Money openTakenBack() {
        return takenBack.minus(credited);
    }
}
