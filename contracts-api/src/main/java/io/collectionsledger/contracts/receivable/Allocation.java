package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

/** Part of a payment, credit or credit note set against one component of one invoice term. */
public record Allocation(@NeverAbsent String invoiceId, @NeverAbsent String termId, @NeverAbsent Component component, @NeverAbsent Money amount) {

    /** What a payment settles within a debt, in the order the law applies it (Civil Code art. 561). */
    public enum Component { COLLECTION_COSTS, LATE_FEES, PRINCIPAL }
}
