package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.party.LedgerPartyRecorded;
import io.collectionsledger.contracts.party.RecordLedgerParty;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The party the ledger keeps accounts for: one aggregate, id {@link RecordLedgerParty#LEDGER},
 * opened by the first record and corrected by later ones. It keeps no state a command depends on:
 * every record holds from its own date, and the read models keep each with its dates.
 */
@Aggregate
class OwnParty {

    @AggregateIdentifier
    private String ledgerId;

    OwnParty() {
        // for Axon, which rebuilds it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordLedgerParty command, BusinessCalendar calendar) {
        calendar.requireNotInFuture(command.occurredOn());
        apply(new LedgerPartyRecorded(command.occurredOn(), command.name(), command.registrationNumber(), command.postalAddress(),
                command.postcode(), command.bankName(), command.bankAccount()));
    }

    @EventSourcingHandler
    void on(LedgerPartyRecorded event) {
        ledgerId = RecordLedgerParty.LEDGER;
    }
}
