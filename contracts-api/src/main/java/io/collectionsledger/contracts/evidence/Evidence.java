package io.collectionsledger.contracts.evidence;

/**
 * What a lawyer checks before suing an overdue customer, in the order of the steps of domain.md §2:
 * 1 the contract, 2 our own performance, 3 the gaps filled while the relationship is friendly,
 * 4 asset information, 5 supply suspended, 6 a dunning letter with proof of delivery, 7 security,
 * 8 the suit itself.
 */
public enum Evidence {
    /** The counterparty's stamp, a legible fax, an order from its corporate e-mail domain, or an authorised signature. */
    CONTRACT_VALIDITY(1),
    /** The condition that triggers payment and a definite term. */
    PAYMENT_TERMS(1),
    /** What the customer owes for paying late. */
    LATE_PAYMENT_LIABILITY(1),
    /** Litigation or arbitration, and which court or body. */
    DISPUTE_CLAUSE(1),
    /** A signed delivery receipt (or acceptance of the service) for every delivery behind the receivable. */
    SIGNED_DELIVERY_RECEIPTS(2),
    /** The customer contests nothing of it (quality, quantity or price). */
    NO_OPEN_DISPUTE(2),
    /** Contact attempts logged with a recording or message that keeps the trace. */
    CONTACT_HISTORY(3),
    /** A reconciliation statement the customer stamped, confirming a balance that includes the receivable. */
    RECONCILIATION_STATEMENT(3),
    /** A written payment commitment (付款承诺书) or a signed payment plan. */
    PAYMENT_COMMITMENT(3),
    /** Bank accounts, land and buildings, receivables, affiliates: where money could be found. */
    ASSET_LEADS(4),
    /** Supply to the customer suspended and not resumed. */
    SUPPLY_SUSPENDED(5),
    /** A dunning letter demanding the receivable, with the courier's proof of delivery. */
    DUNNING_LETTER_DELIVERED(6),
    /** A guarantee, pledge or registered mortgage. */
    GUARANTEE(7),
    /** Suit or arbitration filed over the receivable. */
    LAWSUIT_FILED(8);

    private final int step;

    Evidence(int step) {
        this.step = step;
    }

    /** The lawyer's step this belongs to, 1 to 8. */
    public int step() {
        return step;
    }

    /** Everything before step 8 is what should be in hand before suing. */
    public boolean neededBeforeSuing() {
        return step < 8;
    }
}
