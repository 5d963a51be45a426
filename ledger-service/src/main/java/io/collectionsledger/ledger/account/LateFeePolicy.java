package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.policy.ChangeLegalLateFeeCap;
import io.collectionsledger.contracts.policy.LegalLateFeeCapChanged;
import io.collectionsledger.contracts.shared.InvalidValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ledger's late-fee policy: the legal cap's dated changes, one aggregate, id
 * {@link ChangeLegalLateFeeCap#POLICY}. The first change holds from the beginning (the rate the ledger
 * started with); each later one from its own date, which may not be before today, so a change never
 * reaches days whose fees may already be recorded. A change already recorded under its id is not
 * recorded again, which makes the start-up record of the first one safe on any number of instances.
 */
@Aggregate
class LateFeePolicy {

    @AggregateIdentifier
    private String policyId;
    private final Set<String> changes = new HashSet<>();

    LateFeePolicy() {
        // for Axon, which rebuilds it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeLegalLateFeeCap command, BusinessCalendar calendar) {
        if (changes.contains(command.changeId())) {
            return;
        }
        if (!changes.isEmpty() && command.effectiveFrom().isBefore(calendar.today())) {
            throw new InvalidValue("effectiveFrom", "must not be before today (" + calendar.today()
                    + "): the fees of past days may already be recorded under the rate in force then");
        }
        apply(new LegalLateFeeCapChanged(command.changeId(), command.effectiveFrom(), command.annualPercent(), command.reason()));
    }

    @EventSourcingHandler
    void on(LegalLateFeeCapChanged event) {
        policyId = ChangeLegalLateFeeCap.POLICY;
        changes.add(event.changeId());
    }
}
