package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/** A promise to pay and the outcome recorded for it, if any. */
final class PromiseState {

    final PaymentPromiseRecorded promise;
    PromiseOutcome outcome;

    PromiseState(PaymentPromiseRecorded promise) {
        this.promise = promise;
    }

    /** The last business day a payment still counts towards the promise. */
    LocalDate lastDay(CollectionPolicy policy) {
        return promise.promisedDate().plusDays(policy.promiseGraceDays());
    }

    boolean counts(LocalDate paidOn, CollectionPolicy policy) {
        return !paidOn.isBefore(promise.occurredOn()) && !paidOn.isAfter(lastDay(policy));
    }

    /** What arrived for the promise: payments in its currency, dated from the promise to its last day, not reversed. */
    Money received(Collection<PaymentRecorded> payments, Set<String> reversed, CollectionPolicy policy) {
        return payments.stream()
                .filter(p -> !reversed.contains(p.paymentId()))
                .filter(p -> p.amount().currency().equals(promise.amount().currency()))
                .filter(p -> counts(p.occurredOn(), policy))
                .map(PaymentRecorded::amount)
                .reduce(Money.zero(promise.amount().currency()), Money::plus);
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
