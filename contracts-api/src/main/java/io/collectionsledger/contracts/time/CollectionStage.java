package io.collectionsledger.contracts.time;

/** Collection stages by days past due (domain.md §2). */
public enum CollectionStage {
    DPD_1_30(1), DPD_31_90(31), DPD_91_PLUS(91);

    private final int firstDay;

    CollectionStage(int firstDay) {
        this.firstDay = firstDay;
    }

    /** The first day past due that belongs to this stage. */
    public int firstDay() {
        return firstDay;
    }
}
