package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.worklist.PriorityScore;

import java.math.BigDecimal;

/**
 * The priority score of a customer on the worklist, in points: the higher, the sooner. domain.md
 * §3 ranks by amount, age, the limitation date, the customer's record; each factor gives points,
 * and every part is shown beside the total so a collector can see why.
 *
 * <ul>
 *   <li><b>amount</b>: 10 points per power of ten of the largest amount open in any one currency
 *       (1,000 → 30, 1,000,000 → 60). Currencies are not converted (the ledger holds no exchange
 *       rates), so an amount counts by its order of magnitude.</li>
 *   <li><b>age</b>: 1 point per 3 days past due of the oldest overdue term, at most 120 (a year
 *       and more): recovery falls fast with age.</li>
 *   <li><b>limitation</b>: 200 points when the limitation period of an overdue term ends within
 *       {@value #LIMITATION_NEAR_DAYS} days, more than any amount gives (the ledger's amounts stay
 *       below 10^15: at most 150 points): such a receivable is urgent whatever its amount. 50
 *       within 180 days. None once the date has passed: the claim is hard to enforce, and the next action says
 *       what can still be done.</li>
 *   <li><b>broken promises</b>: 15 per promise broken or only partly kept, at most 45.</li>
 *   <li><b>early warnings</b>: 20 per distinct signal flagged, at most 60.</li>
 *   <li><b>credit record</b>: 10 per time new orders were held for a payment more than 15 days
 *       late, at most 30: chronic late payers stay watched.</li>
 * </ul>
 */
final class WorklistPriority {

    static final int LIMITATION_NEAR_DAYS = 90;

    private WorklistPriority() {
    }

    /**
     * @param largestOpen       the largest amount open in one of the customer's currencies
     * @param daysPastDue       of the oldest overdue term, 0 or less before due
     * @param daysToLimitation  until the first limitation date of an overdue term (negative once passed); null if nothing is overdue
     * @param brokenPromises    promises broken or partly kept
     * @param earlyWarnings     distinct early-warning signals
     * @param ordersHeld        times new orders were held
     */
    static PriorityScore score(BigDecimal largestOpen, long daysPastDue, Long daysToLimitation, int brokenPromises,
                               int earlyWarnings, int ordersHeld) {
        int amount = largestOpen.compareTo(BigDecimal.ONE) <= 0 ? 0 : (int) Math.floor(10 * Math.log10(largestOpen.doubleValue()));
        int age = (int) Math.min(120, Math.max(0, daysPastDue) / 3);
        int limitation = daysToLimitation == null || daysToLimitation < 0 ? 0
                : daysToLimitation <= LIMITATION_NEAR_DAYS ? 200
                : daysToLimitation <= 180 ? 50 : 0;
        int promises = Math.min(45, 15 * brokenPromises);
        int warnings = Math.min(60, 20 * earlyWarnings);
        int record = Math.min(30, 10 * ordersHeld);
        return new PriorityScore(amount + age + limitation + promises + warnings + record, amount, age, limitation, promises, warnings, record);
    }
}
