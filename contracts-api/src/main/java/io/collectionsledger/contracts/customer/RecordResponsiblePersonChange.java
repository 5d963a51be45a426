package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records that someone else now answers for the customer: its legal representative, or the person
 * responsible for paying. A change of the responsible people is an early-warning sign.
 */
public record RecordResponsiblePersonChange(
        @TargetAggregateIdentifier String customerId,
        String changeId,
        LocalDate occurredOn,
        Responsibility responsibility,
        String person,
        String source) implements AccountCommand {

    /** What the person answers for. */
    public enum Responsibility { LEGAL_REPRESENTATIVE, RESPONSIBLE_FOR_PAYMENT }

    public RecordResponsiblePersonChange {
        Require.id(customerId, "customerId");
        Require.id(changeId, "changeId");
        Require.date(occurredOn, "occurredOn");
        Require.present(responsibility, "responsibility");
        Require.text(person, "person", Require.SHORT_TEXT);
        Require.optionalText(source, "source", Require.LONG_TEXT);
    }
}
