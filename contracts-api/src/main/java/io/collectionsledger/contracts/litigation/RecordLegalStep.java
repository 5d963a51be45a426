package io.collectionsledger.contracts.litigation;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A step of a legal case: preservation order, hearing, judgment, enforcement recovery, bankruptcy claim, closure. */
public record RecordLegalStep(
        @TargetAggregateIdentifier String customerId,
        String caseId,
        String stepId,
        LocalDate occurredOn,
        LegalStep step,
        Money amount,
        String description,
        String documentRef) implements AccountCommand {

    public RecordLegalStep {
        Require.id(customerId, "customerId");
        Require.id(caseId, "caseId");
        Require.id(stepId, "stepId");
        Require.date(occurredOn, "occurredOn");
        Require.present(step, "step");
        if (amount != null) {
            Require.positive(amount, "amount");
        }
        Require.optionalText(description, "description", Require.LONG_TEXT);
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
