package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Formal written demands, sent by tracked courier, and the proof that each was delivered. */
@SnapshotState
final class DunningLetters {

    @JsonIgnore
    private final Invoices invoices;
    @JsonIgnore
    private final Disputes disputes;
    private final Map<String, DunningLetterSent> sent = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();

    DunningLetters(Invoices invoices, Disputes disputes) {
        this.invoices = invoices;
        this.disputes = disputes;
    }

    @CommandHandler
    void handle(SendDunningLetter command, CollectionPolicy policy) {
        Ids.requireUnused(sent.containsKey(command.letterId()), "dunning letter", command.letterId());
        // a letter states the late fees on its invoices: those accrued before its date are fixed first
        invoices.fixLateFeesBefore(command.customerId(), command.occurredOn(), invoices.pursuable(command.invoiceIds(), command.customerId()), policy);
        String currency = command.amountDemanded().currency();
        Money open = Money.zero(currency);
        Money disputed = Money.zero(currency);
        for (Invoice invoice : invoices.pursuable(command.invoiceIds(), command.customerId())) {
            Invoices.requireCurrency(invoice.currency, command.amountDemanded());
            open = open.plus(invoice.open());
            disputed = disputed.plus(disputes.disputedOn(invoice));
        }
        if (command.amountDemanded().exceeds(open)) {
            throw new RuleViolation(Rule.DEMAND_EXCEEDS_OPEN_AMOUNT, "the letter demands " + command.amountDemanded()
                    + ", more than the " + open + " open on its invoices");
        }
        if (command.amountDemanded().exceeds(open.minus(disputed))) {
            throw new RuleViolation(Rule.DUNNING_FOR_DISPUTED_AMOUNT, "the letter demands " + command.amountDemanded() + ", but "
                    + disputed + " of the " + open + " open is disputed; a dunning letter may demand only what is not");
        }
        apply(new DunningLetterSent(command.customerId(), command.letterId(), command.occurredOn(), command.level(), command.invoiceIds(),
                command.amountDemanded(), command.lateFeesDemanded(), command.deadline(), command.rightsReserved(),
                command.courier(), command.waybill(), command.documentRef(),
                command.draft() == null ? null : command.draft().sha256(), command.draft() == null ? null : command.draft().templateVersion()));
    }

    @CommandHandler
    void handle(ConfirmDunningLetterDelivery command) {
        DunningLetterSent letter = sent.get(command.letterId());
        if (letter == null) {
            throw new RuleViolation(Rule.UNKNOWN_LETTER, "no dunning letter " + command.letterId() + " was sent to " + command.customerId());
        }
        if (command.occurredOn().isBefore(letter.occurredOn())) {
            throw new RuleViolation(Rule.DELIVERY_BEFORE_SENDING, "letter " + command.letterId() + " was sent on "
                    + letter.occurredOn() + "; it cannot have been delivered on " + command.occurredOn());
        }
        if (delivered.contains(command.letterId())) {
            throw new RuleViolation(Rule.LETTER_ALREADY_DELIVERED, "the delivery of letter " + command.letterId() + " is already recorded");
        }
        apply(new DunningLetterDelivered(command.customerId(), command.letterId(), command.occurredOn(), command.receivedBy(),
                command.proofRef()));
    }

    @EventSourcingHandler
    void on(DunningLetterSent event) {
        sent.put(event.letterId(), event);
    }

    @EventSourcingHandler
    void on(DunningLetterDelivered event) {
        delivered.add(event.letterId());
    }
}
