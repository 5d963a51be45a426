package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.Require;

import java.time.LocalDate;

/** The customer's signed delivery receipt (签收单) or acceptance of a service, and who signed it. */
public record SignedReceipt(String signedBy, LocalDate signedOn, String documentRef) {

    public SignedReceipt {
        Require.text(signedBy, "signedBy", Require.SHORT_TEXT);
        Require.date(signedOn, "signedOn");
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
