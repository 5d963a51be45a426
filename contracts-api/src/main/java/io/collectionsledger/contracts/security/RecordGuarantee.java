package io.collectionsledger.contracts.security;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.InvalidValue;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Extra security for the debt: a personal guarantee of the controlling person (joint liability),
 * a guarantee by another company, a pledge (we hold the item) or a mortgage, which is valid only
 * when registered.
 */
public record RecordGuarantee(
        @TargetAggregateIdentifier String customerId,
        String guaranteeId,
        LocalDate occurredOn,
        Kind kind,
        String guarantor,
        Money amountCovered,
        String registrationRef,
        String documentRef) implements AccountCommand {

    public enum Kind { PERSONAL_GUARANTEE, COMPANY_GUARANTEE, PLEDGE, MORTGAGE }

    public RecordGuarantee {
        Require.id(customerId, "customerId");
        Require.id(guaranteeId, "guaranteeId");
        Require.date(occurredOn, "occurredOn");
        Require.present(kind, "kind");
        Require.text(guarantor, "guarantor", Require.SHORT_TEXT);
        if (amountCovered != null) {
            Require.positive(amountCovered, "amountCovered");
        }
        Require.optionalText(registrationRef, "registrationRef", Require.SHORT_TEXT);
        if (kind == Kind.MORTGAGE && (registrationRef == null || registrationRef.isBlank())) {
            throw new InvalidValue("registrationRef", "is required: a mortgage is valid only when registered");
        }
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
