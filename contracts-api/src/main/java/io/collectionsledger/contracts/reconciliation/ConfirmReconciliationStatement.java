package io.collectionsledger.contracts.reconciliation;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a reconciliation statement (对账函) the customer stamped: it confirms a balance as of a
 * date, acknowledges the debt, and restarts the limitation period.
 */
public record ConfirmReconciliationStatement(
        @TargetAggregateIdentifier String customerId,
        String statementId,
        LocalDate occurredOn,
        LocalDate balanceAsOf,
        Money confirmedBalance,
        String confirmedBy,
        String documentRef) implements AccountCommand {

    public ConfirmReconciliationStatement {
        Require.id(customerId, "customerId");
        Require.id(statementId, "statementId");
        Require.date(occurredOn, "occurredOn");
        Require.date(balanceAsOf, "balanceAsOf");
        Require.present(confirmedBalance, "confirmedBalance");
        Require.text(confirmedBy, "confirmedBy", Require.SHORT_TEXT);
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
