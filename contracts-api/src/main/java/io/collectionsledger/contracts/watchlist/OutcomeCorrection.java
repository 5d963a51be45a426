package io.collectionsledger.contracts.watchlist;

import io.collectionsledger.contracts.promise.PromiseOutcome;

import java.time.LocalDate;

/** A payment recorded late, dated within the promise's window, changed the outcome recorded before. */
public record OutcomeCorrection(PromiseOutcome from, PromiseOutcome to, LocalDate correctedOn, String paymentId, String eventId) {
}
