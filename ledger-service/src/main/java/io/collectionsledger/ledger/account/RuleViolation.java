package io.collectionsledger.ledger.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import java.util.Optional;

/** A command refused by the account: nothing was recorded. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /**
     * The refusal a failed command amounts to, if it was one: the account's own, or Axon's for a
     * customer that is not registered or is registered already, found before the account is loaded.
     */
    public static Optional<RuleViolation> of(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return Optional.of(violation);
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(new RuleViolation(Rule.UNKNOWN_CUSTOMER, "no customer " + notFound.getAggregateIdentifier() + " is registered"));
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(new RuleViolation(Rule.CUSTOMER_ALREADY_REGISTERED, "this customer is already registered"));
        }
        return Optional.empty();
    }
}
