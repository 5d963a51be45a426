package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A promise to pay and how it turned out: {@code outcome} is the one that stands (null while the
 * promise is open), {@code outcomes} every judgement and correction in the order recorded.
 */
public record Promise(String promiseId, LocalDate occurredOn, Instant recordedAt, Money amount, LocalDate promisedDate,
                      RecordPaymentPromise.Form form, String collector, List<String> invoiceIds, String documentRef,
                      PromiseOutcome outcome, List<Outcome> outcomes) {

    /** One judgement of the promise, or a correction of it by a payment recorded late ({@code paymentId}). */
    public record Outcome(@NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt, @NeverAbsent PromiseOutcome outcome,
                          Money received, Money shortfall, String paymentId) {
    }
}
