package io.collectionsledger.contracts.credit;

import io.collectionsledger.contracts.shared.NeverAbsent;

/** One reason an order is refused (or, among conditions, what it is allowed on), in the domain's words. */
public record CreditReason(@NeverAbsent Code code, @NeverAbsent String detail) {

    public enum Code {
        /** No customer of this id was registered by then. */
        UNKNOWN_CUSTOMER,
        /** No credit limit was set: there is no credit to place an order on. */
        NO_CREDIT_LIMIT,
        /** Open receivables less unapplied credit, plus the order, exceed the credit limit. */
        CREDIT_LIMIT_EXCEEDED,
        /** The order is in another currency than the credit limit; the ledger holds no exchange rates. */
        CURRENCY_OUTSIDE_LIMIT,
        /** New orders are held: a term went more than 15 days past due and is not yet paid. */
        ORDERS_HELD,
        /** "Deliver two, settle one" (送二结一): a batch older than the latest one is still unpaid. */
        DELIVER_TWO_SETTLE_ONE,
        /** Supply to the customer is suspended. */
        SUPPLY_SUSPENDED,
        /** A lawsuit or arbitration against the customer is open. */
        LAWSUIT_OPEN,
        /** A condition, not a refusal: the latest batch is to be settled when the ordered one is delivered. */
        SETTLE_PREVIOUS_BATCH_ON_DELIVERY
    }
}
