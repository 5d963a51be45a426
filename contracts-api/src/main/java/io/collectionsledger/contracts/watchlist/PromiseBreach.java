package io.collectionsledger.contracts.watchlist;

import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/**
 * A promise judged broken or partially kept. {@code outcome}, {@code received} and
 * {@code shortfall} are as last recorded: when a correction turned the breach into a kept
 * promise, the promise is still listed, with the correction, so the change shows.
 *
 * @param judgedOn  the business day its outcome was first recorded
 * @param daysLate  days from the promised date to the day the promised amount had arrived in all
 *                  ({@code settledOn}), or, while it has not, to the report's date
 * @param eventId   the event that recorded the breach
 */
public record PromiseBreach(
        String customerId,
        String promiseId,
        String collector,
        LocalDate promisedOn,
        LocalDate promisedDate,
        Money promised,
        PromiseOutcome outcome,
        Money received,
        Money shortfall,
        LocalDate judgedOn,
        long daysLate,
        LocalDate settledOn,
        OutcomeCorrection correction,
        String eventId) {
}
