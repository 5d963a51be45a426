package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.Objects;

/** A promise to pay and the outcome recorded for it, if any. */
@SnapshotState
final class PromiseState {

    final PaymentPromiseRecorded promise;
    private PromiseOutcome outcome;

    @JsonCreator
    PromiseState(@JsonProperty("promise") PaymentPromiseRecorded promise) {
        this.promise = promise;
    }

    /** The last business day a payment still counts towards the promise. */
    LocalDate lastDay(CollectionPolicy policy) {
        return promise.promisedDate().plusDays(policy.promiseGraceDays());
    }

    boolean counts(LocalDate paidOn, CollectionPolicy policy) {
        return !paidOn.isBefore(promise.occurredOn()) && !paidOn.isAfter(lastDay(policy));
    }

    /** Whether a payment counts towards the promise: in its currency, dated from the promise to its last day. */
    boolean counts(PaymentRecorded payment, CollectionPolicy policy) {
        return payment.amount().currency().equals(promise.amount().currency()) && counts(payment.occurredOn(), policy);
    }

    /** The outcome recorded, or null while the promise is still open. */
    PromiseOutcome outcome() {
        return outcome;
    }

    void judged(PromiseOutcome recorded) {
        outcome = recorded;
    }

    PromiseOutcome judge(Money received) {
        if (!promise.amount().exceeds(received)) {
            return PromiseOutcome.KEPT;
        }
        return received.signum() > 0 ? PromiseOutcome.PARTIALLY_KEPT : PromiseOutcome.BROKEN;
    }

    Money shortfall(Money received) {
        Money shortfall = promise.amount().minus(received);
        return shortfall.signum() > 0 ? shortfall : Money.zero(shortfall.currency());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromiseState other && promise.equals(other.promise) && outcome == other.outcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(promise, outcome);
    }
}
