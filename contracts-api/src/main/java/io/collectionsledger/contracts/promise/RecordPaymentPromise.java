package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records the customer's promise to pay an amount by a date, in writing (a payment commitment
 * letter, 付款承诺书) or spoken. It acknowledges the debt, so it restarts the limitation period.
 */
public record RecordPaymentPromise(
        @TargetAggregateIdentifier String customerId,
        String promiseId,
        LocalDate occurredOn,
        Money amount,
        LocalDate promisedDate,
        Form form,
        String collector,
        List<String> invoiceIds,
        String documentRef) implements AccountCommand {

    public enum Form { WRITTEN, SPOKEN }

    public RecordPaymentPromise {
        Require.id(customerId, "customerId");
        Require.id(promiseId, "promiseId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        Require.date(promisedDate, "promisedDate");
        Require.present(form, "form");
        Require.optionalId(collector, "collector");
        invoiceIds = Require.list(invoiceIds, "invoiceIds");
        Require.optionalText(documentRef, "documentRef", Require.SHORT_TEXT);
        if (form == Form.WRITTEN) {
            Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
        }
    }
}
