package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records where letters to the customer go and who attends to them, from a date on: the address a
 * dunning letter is sent to and the person it is addressed to. A later one replaces it from its
 * own date on; the earlier stays in the history, for the letters sent while it held.
 */
public record RecordCorrespondenceAddress(
        @TargetAggregateIdentifier String customerId,
        LocalDate occurredOn,
        String postalAddress,
        String postcode,
        String contactPerson,
        String contactPhone) implements AccountCommand {

    public RecordCorrespondenceAddress {
        Require.id(customerId, "customerId");
        Require.date(occurredOn, "occurredOn");
        Require.text(postalAddress, "postalAddress", Require.LONG_TEXT);
        Require.optionalText(postcode, "postcode", Require.SHORT_TEXT);
        Require.text(contactPerson, "contactPerson", Require.SHORT_TEXT);
        Require.optionalText(contactPhone, "contactPhone", Require.SHORT_TEXT);
    }
}
