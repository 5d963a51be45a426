package io.collectionsledger.contracts.receivable;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Issues an invoice. Its terms may be given with their due dates; when none are given they follow
 * the contract's payment terms, each due its number of days after the invoice date.
 */
public record IssueInvoice(
        @TargetAggregateIdentifier String customerId,
        String invoiceId,
        String contractId,
        LocalDate occurredOn,
        Money amount,
        List<InvoiceTerm> terms,
        List<String> deliveryIds,
        String documentRef) implements AccountCommand {

    public IssueInvoice {
        Require.id(customerId, "customerId");
        Require.id(invoiceId, "invoiceId");
        Require.optionalId(contractId, "contractId");
        Require.date(occurredOn, "occurredOn");
        Require.positive(amount, "amount");
        terms = Require.list(terms, "terms");
        Require.distinct(terms, InvoiceTerm::termId, "terms");
        deliveryIds = Require.list(deliveryIds, "deliveryIds");
        for (int i = 0; i < deliveryIds.size(); i++) {
            Require.id(deliveryIds.get(i), "deliveryIds[" + i + "]");
        }
        Require.distinct(deliveryIds, id -> id, "deliveryIds");
        Require.optionalText(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
