package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Lawsuits and arbitrations over the customer's debts, from filing through their steps to closing. */
@SnapshotState
final class LegalCases {

    @JsonIgnore
    private final Invoices invoices;
    private final Map<String, LawsuitFiled> open = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Ids steps = new Ids("legal step");

    LegalCases(Invoices invoices) {
        this.invoices = invoices;
    }

    @CommandHandler
    void handle(FileLawsuit command) {
        Ids.requireUnused(open.containsKey(command.caseId()) || closed.contains(command.caseId()), "legal case", command.caseId());
        List<Invoice> claimed = invoices.pursuable(command.invoiceIds(), command.customerId());
        if (claimed.stream().noneMatch(invoice -> invoice.overdueOn(command.occurredOn()))) {
            throw new RuleViolation(Rule.NOTHING_OVERDUE, "nothing on invoices " + command.invoiceIds() + " is overdue on "
                    + command.occurredOn() + "; a claim needs a debt that has fallen due");
        }
        apply(new LawsuitFiled(command.customerId(), command.caseId(), command.occurredOn(), command.forum(), command.body(),
                command.invoiceIds(), command.claimAmount(), command.preservationRequested(), command.documentRef()));
    }

    @CommandHandler
    void handle(RecordLegalStep command) {
        if (closed.contains(command.caseId())) {
            throw new RuleViolation(Rule.CASE_CLOSED, "case " + command.caseId() + " is closed");
        }
        LawsuitFiled lawsuit = open.get(command.caseId());
        if (lawsuit == null) {
            throw new RuleViolation(Rule.UNKNOWN_CASE, "no case " + command.caseId() + " was filed against " + command.customerId());
        }
        if (command.occurredOn().isBefore(lawsuit.occurredOn())) {
            throw new RuleViolation(Rule.STEP_BEFORE_FILING, "case " + command.caseId() + " was filed on " + lawsuit.occurredOn());
        }
        steps.requireUnused(command.stepId());
        apply(new LegalStepRecorded(command.customerId(), command.caseId(), command.stepId(), command.occurredOn(), command.step(),
                command.amount(), command.description(), command.documentRef()));
    }

    /** The open case that claims the invoice, if any. */
    LawsuitFiled over(String invoiceId) {
        return open.values().stream().filter(c -> c.invoiceIds().contains(invoiceId)).findFirst().orElse(null);
    }

    @EventSourcingHandler
    void on(LawsuitFiled event) {
        open.put(event.caseId(), event);
    }

    @EventSourcingHandler
    void on(LegalStepRecorded event) {
        steps.add(event.stepId());
        if (event.step() == LegalStep.CASE_CLOSED) {
            open.remove(event.caseId());
            closed.add(event.caseId());
        }
    }
}
