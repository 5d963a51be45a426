package io.collectionsledger.contracts.party;

import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records the party the ledger keeps accounts for, from a date on: the sender of its letters, with
 * its name, registration number, postal address and the bank account it is paid into. A correction
 * or a move is a later one; the earlier stays in the history, for the letters sent while it held.
 */
public record RecordLedgerParty(
        String name,
        String registrationNumber,
        String postalAddress,
        String postcode,
        String bankName,
        String bankAccount,
        LocalDate occurredOn) {

    /**
     * The one ledger party's aggregate id. The event store numbers events per aggregate id whatever the
     * aggregate's type, so this id is one no client can give a customer: {@link Require#id} wants a letter or digit first.
     */
    public static final String LEDGER = "_ledger";

    public RecordLedgerParty {
        Require.text(name, "name", Require.SHORT_TEXT);
        Require.optionalText(registrationNumber, "registrationNumber", Require.SHORT_TEXT);
        Require.text(postalAddress, "postalAddress", Require.LONG_TEXT);
        Require.optionalText(postcode, "postcode", Require.SHORT_TEXT);
        Require.optionalText(bankName, "bankName", Require.SHORT_TEXT);
        Require.optionalText(bankAccount, "bankAccount", Require.SHORT_TEXT);
        Require.date(occurredOn, "occurredOn");
    }

    @TargetAggregateIdentifier
    public String ledgerId() {
        return LEDGER;
    }
}
