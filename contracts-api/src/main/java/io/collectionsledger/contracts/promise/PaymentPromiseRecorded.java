package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@EventType("promise.PaymentPromiseRecorded")
@Revision("1")
public record PaymentPromiseRecorded(
        String customerId,
        String promiseId,
        LocalDate occurredOn,
        Money amount,
        LocalDate promisedDate,
        RecordPaymentPromise.Form form,
        String collector,
        List<String> invoiceIds,
        String documentRef) implements AccountEvent {
}
