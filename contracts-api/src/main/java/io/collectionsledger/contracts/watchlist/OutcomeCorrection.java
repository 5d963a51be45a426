package io.collectionsledger.contracts.watchlist;

import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.LocalDate;

/** A payment recorded late, dated within the promise's window, changed the outcome recorded before. */
public record OutcomeCorrection(@NeverAbsent PromiseOutcome from, @NeverAbsent PromiseOutcome to, @NeverAbsent LocalDate correctedOn,
                                @NeverAbsent String paymentId, @NeverAbsent String eventId) {
}
