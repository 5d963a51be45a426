package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dispute.ResolveDispute;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** What the customer contests on an invoice: a disputed amount is not simply overdue, and no letter demands it. */
@SnapshotState
final class Disputes {

    @JsonIgnore
    private final Invoices invoices;
    private final Map<String, DisputeRaised> open = new HashMap<>();
    private final Ids resolved = new Ids("dispute");

    Disputes(Invoices invoices) {
        this.invoices = invoices;
    }

    @CommandHandler
    void handle(RaiseDispute command) {
        Ids.requireUnused(open.containsKey(command.disputeId()) || resolved.contains(command.disputeId()), "dispute", command.disputeId());
        Invoice invoice = invoices.pursuable(List.of(command.invoiceId()), command.customerId()).get(0);
        Invoices.requireCurrency(invoice.currency, command.amount());
        Money undisputed = invoice.open().minus(disputedOn(invoice));
        if (command.amount().exceeds(undisputed)) {
            throw new RuleViolation(Rule.DISPUTE_EXCEEDS_OPEN_AMOUNT, "disputing " + command.amount() + " of invoice "
                    + invoice.invoiceId + " exceeds the " + undisputed + " open and not yet disputed");
        }
        apply(new DisputeRaised(command.customerId(), command.disputeId(), command.occurredOn(), command.invoiceId(), command.amount(),
                command.reason(), command.description()));
    }

    @CommandHandler
    void handle(ResolveDispute command) {
        DisputeRaised dispute = open.get(command.disputeId());
        if (dispute == null) {
            throw resolved.contains(command.disputeId())
                    ? new RuleViolation(Rule.DISPUTE_ALREADY_RESOLVED, "dispute " + command.disputeId() + " was already resolved")
                    : new RuleViolation(Rule.UNKNOWN_DISPUTE, "no dispute " + command.disputeId() + " was raised by " + command.customerId());
        }
        apply(new DisputeResolved(command.customerId(), command.disputeId(), command.occurredOn(), dispute.invoiceId(), dispute.amount(),
                command.resolution(), command.description()));
    }

    /** What open disputes contest on the invoice. */
    Money disputedOn(Invoice invoice) {
        return open.values().stream().filter(d -> d.invoiceId().equals(invoice.invoiceId))
                .map(DisputeRaised::amount).reduce(Money.zero(invoice.currency), Money::plus);
    }

    @EventSourcingHandler
    void on(DisputeRaised event) {
        open.put(event.disputeId(), event);
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        open.remove(event.disputeId());
        resolved.add(event.disputeId());
    }
}
