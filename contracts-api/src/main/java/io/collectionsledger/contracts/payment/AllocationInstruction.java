package io.collectionsledger.contracts.payment;

import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;

/** The payer's word on what a payment is for: this much against this invoice. */
public record AllocationInstruction(String invoiceId, Money amount) {

    public AllocationInstruction {
        Require.id(invoiceId, "invoiceId");
        Require.positive(amount, "amount");
    }
}
