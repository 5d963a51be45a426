package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.security.AssetLeadRecorded;
import io.collectionsledger.contracts.security.GuaranteeRecorded;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What collection work gathers for the evidence checklist: balances the customer confirmed,
 * contact attempts, guarantees and collateral, and leads to its assets. Facts kept only by id.
 */
@SnapshotState
final class Evidence {

    @JsonIgnore
    private final Invoices invoices;
    @JsonIgnore
    private final Payments payments;
    private final Ids statements = new Ids("reconciliation statement");
    private final Ids contacts = new Ids("contact attempt");
    private final Ids guarantees = new Ids("guarantee");
    private final Ids leads = new Ids("asset lead");

    Evidence(Invoices invoices, Payments payments) {
        this.invoices = invoices;
        this.payments = payments;
    }

    /** The statement records the ledger's own balance beside the one confirmed: what is open less unapplied credit. */
    @CommandHandler
    void handle(ConfirmReconciliationStatement command, CollectionPolicy policy) {
        statements.requireUnused(command.statementId());
        // the ledger's balance beside the confirmed one states the late fees: those accrued before the statement's date are fixed first
        invoices.fixLateFeesBefore(command.customerId(), command.occurredOn(), invoices.all(), policy);
        String currency = command.confirmedBalance().currency();
        Money ledgerBalance = invoices.open(currency).minus(payments.unapplied(currency));
        apply(new ReconciliationStatementConfirmed(command.customerId(), command.statementId(), command.occurredOn(),
                command.balanceAsOf(), command.confirmedBalance(), ledgerBalance, command.confirmedBy(), command.documentRef()));
    }

    @CommandHandler
    void handle(LogContactAttempt command) {
        contacts.requireUnused(command.contactId());
        apply(new ContactAttemptLogged(command.customerId(), command.contactId(), command.occurredOn(), command.collector(),
                command.channel(), command.partyReached(), command.outcome(), command.excuse(), command.excuseText(),
                command.recordingRef()));
    }

    @CommandHandler
    void handle(RecordGuarantee command) {
        guarantees.requireUnused(command.guaranteeId());
        apply(new GuaranteeRecorded(command.customerId(), command.guaranteeId(), command.occurredOn(), command.kind(),
                command.guarantor(), command.amountCovered(), command.registrationRef(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordAssetLead command) {
        leads.requireUnused(command.leadId());
        apply(new AssetLeadRecorded(command.customerId(), command.leadId(), command.occurredOn(), command.kind(),
                command.description(), command.source()));
    }

    @EventSourcingHandler
    void on(ReconciliationStatementConfirmed event) {
        statements.add(event.statementId());
    }

    @EventSourcingHandler
    void on(ContactAttemptLogged event) {
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(GuaranteeRecorded event) {
        guarantees.add(event.guaranteeId());
    }

    @EventSourcingHandler
    void on(AssetLeadRecorded event) {
        leads.add(event.leadId());
    }
}
