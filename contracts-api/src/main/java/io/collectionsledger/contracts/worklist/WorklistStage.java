package io.collectionsledger.contracts.worklist;

/**
 * Where a customer stands in collection (domain.md §2), by its oldest overdue term: before the
 * due date (reminded by its tier), then 1–30, 31–90 and 91 or more days past due. The due date
 * itself is still before due.
 */
public enum WorklistStage {
    PRE_DUE, DPD_1_30, DPD_31_90, DPD_91_PLUS;

    public static WorklistStage of(long daysPastDue) {
        if (daysPastDue <= 0) {
            return PRE_DUE;
        }
        if (daysPastDue <= 30) {
            return DPD_1_30;
        }
        return daysPastDue <= 90 ? DPD_31_90 : DPD_91_PLUS;
    }
}
