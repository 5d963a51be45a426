package io.collectionsledger.contracts.watchlist;

import java.math.BigDecimal;

/**
 * One customer's or collector's promise record over a period (the total when {@code group} is absent).
 *
 * <p>Promises obtained: promises recorded in the period, per contact attempt logged in it (PTP
 * rate, domain.md §3). Kept: of the promises whose date fell in the period and whose outcome is
 * recorded, those kept (partially kept counts as not kept; {@code keptLate} were kept only
 * within the grace after their date). A promise or contact counts for the collector assigned to
 * the customer on its day, or, with none assigned yet, the collector it names. Rates are absent
 * when there is nothing to divide by.
 */
public record PromiseRate(
        String group,
        int contactAttempts,
        int promisesObtained,
        BigDecimal promisesObtainedRate,
        int judged,
        int kept,
        int keptLate,
        int partiallyKept,
        int broken,
        BigDecimal keptRate) {
}
