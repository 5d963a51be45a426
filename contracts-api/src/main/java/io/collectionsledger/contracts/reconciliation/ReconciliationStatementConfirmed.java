package io.collectionsledger.contracts.reconciliation;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A stamped statement; {@code ledgerBalance} is what the ledger showed open in that currency when it was recorded. */
@EventType("reconciliation.ReconciliationStatementConfirmed")
@Revision("1")
public record ReconciliationStatementConfirmed(
        String customerId,
        String statementId,
        LocalDate occurredOn,
        LocalDate balanceAsOf,
        Money confirmedBalance,
        Money ledgerBalance,
        String confirmedBy,
        String documentRef) implements AccountEvent {
}
