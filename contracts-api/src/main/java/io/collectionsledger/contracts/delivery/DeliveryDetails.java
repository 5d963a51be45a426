package io.collectionsledger.contracts.delivery;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

/**
 * What was delivered or performed, under which contract, and the proof: a signed receipt, or the
 * reason there is none.
 */
public record DeliveryDetails(
        Kind kind,
        String contractId,
        String description,
        Money value,
        SignedReceipt signedReceipt,
        String missingReceiptReason) {

    public enum Kind { GOODS, SERVICE }

    public DeliveryDetails {
        Require.present(kind, "kind");
        Require.optionalId(contractId, "contractId");
        Require.text(description, "description", Require.LONG_TEXT);
        if (value != null) {
            Require.positive(value, "value");
        }
        Require.optionalText(missingReceiptReason, "missingReceiptReason", Require.LONG_TEXT);
    }

    public boolean receiptSigned() {
        return signedReceipt != null;
    }
}
