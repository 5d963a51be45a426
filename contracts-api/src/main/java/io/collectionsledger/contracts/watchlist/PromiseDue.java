package io.collectionsledger.contracts.watchlist;

import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/**
 * A promise whose date is near, with what has arrived towards it so far (payments in its currency
 * since it was given, not reversed) and the collector who works the account now.
 *
 * @param daysUntilDue negative once the promised date has passed
 */
public record PromiseDue(
        String customerId,
        String promiseId,
        String collector,
        LocalDate promisedOn,
        LocalDate promisedDate,
        long daysUntilDue,
        Money promised,
        Money receivedSoFar,
        RecordPaymentPromise.Form form,
        String documentRef,
        String eventId) {
}
