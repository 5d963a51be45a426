package io.collectionsledger.contracts.collection;

/** The reasons customers give for not paying, as the collections guides list them; OTHER takes free text. */
public enum Excuse {
    OWN_CUSTOMER_HAS_NOT_PAID,
    APPROVAL_IN_PROGRESS,
    ACCEPTANCE_OR_AUDIT_NOT_FINISHED,
    SIGNER_AWAY,
    NO_MONEY_UNTIL_NEXT_MONTH,
    RECONCILIATION_DELAYED,
    POSTDATED_CHEQUE_OFFERED,
    OTHER
}
