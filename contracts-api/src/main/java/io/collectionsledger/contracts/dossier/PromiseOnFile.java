package io.collectionsledger.contracts.dossier;

import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A promise to pay, and its outcome as last judged or corrected by then (outcome, judgedOn and
 * received absent while it was not yet judged).
 */
public record PromiseOnFile(
        String promiseId,
        LocalDate occurredOn,
        Money amount,
        LocalDate promisedDate,
        RecordPaymentPromise.Form form,
        List<String> invoiceIds,
        String documentRef,
        PromiseOutcome outcome,
        LocalDate judgedOn,
        Money received) {
}
