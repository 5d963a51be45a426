package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.DeliveryCorrected;
import io.collectionsledger.contracts.delivery.DeliveryDetails;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.delivery.RecordDelivery;
import io.collectionsledger.contracts.receivable.InvoiceTerm;
import io.collectionsledger.contracts.receivable.IssueInvoice;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The contracts behind the debt and the deliveries that performed them: what invoices rest on. */
@SnapshotState
final class Contracts {

    private final Map<String, ContractRecorded> contracts = new HashMap<>();
    private final Map<String, DeliveryDetails> deliveries = new HashMap<>();

    @CommandHandler
    void handle(RecordContract command) {
        Ids.requireUnused(contracts.containsKey(command.contractId()), "contract", command.contractId());
        apply(new ContractRecorded(command.customerId(), command.contractId(), command.occurredOn(), command.validity(),
                command.paymentTerms(), command.lateFees(), command.disputeClause(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordDelivery command) {
        Ids.requireUnused(deliveries.containsKey(command.deliveryId()), "delivery", command.deliveryId());
        requireKnown(command.details().contractId(), command.customerId());
        apply(new DeliveryRecorded(command.customerId(), command.deliveryId(), command.occurredOn(), command.details()));
    }

    @CommandHandler
    void handle(CorrectDelivery command) {
        DeliveryDetails previous = deliveries.get(command.deliveryId());
        requireDelivered(command.deliveryId(), command.customerId());
        requireKnown(command.corrected().contractId(), command.customerId());
        apply(new DeliveryCorrected(command.customerId(), command.deliveryId(), command.occurredOn(), command.reason(),
                previous, command.corrected()));
    }

    /** A contract named (none may be) must have been recorded. */
    void requireKnown(String contractId, String customerId) {
        if (contractId != null && !contracts.containsKey(contractId)) {
            throw new RuleViolation(Rule.UNKNOWN_CONTRACT, "no contract " + contractId + " was recorded for " + customerId);
        }
    }

    void requireDelivered(String deliveryId, String customerId) {
        if (!deliveries.containsKey(deliveryId)) {
            throw new RuleViolation(Rule.UNKNOWN_DELIVERY, "no delivery " + deliveryId + " was recorded for " + customerId);
        }
    }

    /** The contract's late-fee terms, or null when the invoice has no contract or the contract none. */
    LateFeeTerms lateFeeTerms(String contractId) {
        ContractRecorded contract = contractId == null ? null : contracts.get(contractId);
        return contract == null ? null : contract.lateFees();
    }

    /** Staged terms: each stage's share of the amount, due its days after the invoice date; the last takes the rounding. */
    List<InvoiceTerm> stagedTerms(IssueInvoice invoice) {
        ContractRecorded contract = invoice.contractId() == null ? null : contracts.get(invoice.contractId());
        if (contract == null || contract.paymentTerms().isEmpty()) {
            throw new RuleViolation(Rule.NO_PAYMENT_TERMS,
                    "the invoice states no terms and has no contract with payment terms to take them from");
        }
        List<InvoiceTerm> terms = new ArrayList<>();
        Money allocated = Money.zero(invoice.amount().currency());
        List<PaymentTerm> stages = contract.paymentTerms();
        for (int i = 0; i < stages.size(); i++) {
            PaymentTerm stage = stages.get(i);
            Money share = i == stages.size() - 1
                    ? invoice.amount().minus(allocated)
                    : invoice.amount().percent(stage.percent());
            allocated = allocated.plus(share);
            if (share.signum() > 0) {
                terms.add(new InvoiceTerm(stage.termId(), share, invoice.occurredOn().plusDays(stage.days())));
            }
        }
        return terms;
    }

    @EventSourcingHandler
    void on(ContractRecorded event) {
        contracts.put(event.contractId(), event);
    }

    @EventSourcingHandler
    void on(DeliveryRecorded event) {
        deliveries.put(event.deliveryId(), event.details());
    }

    @EventSourcingHandler
    void on(DeliveryCorrected event) {
        deliveries.put(event.deliveryId(), event.corrected());
    }
}
