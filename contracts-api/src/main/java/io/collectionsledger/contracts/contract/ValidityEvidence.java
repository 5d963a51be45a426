package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.Require;

/** One piece of evidence that the contract binds the customer, with the document that proves it. */
public record ValidityEvidence(Kind kind, String documentRef, String note) {

    public enum Kind {
        /** The counterparty's company stamp on the contract. */
        COUNTERPARTY_STAMP,
        /** A faxed contract that is legible. */
        LEGIBLE_FAX,
        /** An order e-mailed from the customer's corporate domain. */
        CORPORATE_EMAIL_ORDER,
        /** Signature of an authorised representative. */
        AUTHORISED_SIGNATURE
    }

    public ValidityEvidence {
        Require.present(kind, "kind");
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
        Require.optionalText(note, "note", Require.LONG_TEXT);
    }
}
