package io.collectionsledger.contracts.litigation;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Files a lawsuit or an arbitration over overdue invoices, with or without property preservation. */
public record FileLawsuit(
        @TargetAggregateIdentifier String customerId,
        String caseId,
        LocalDate occurredOn,
        DisputeClause.Forum forum,
        String body,
        List<String> invoiceIds,
        Money claimAmount,
        boolean preservationRequested,
        String documentRef) implements AccountCommand {

    public FileLawsuit {
        Require.id(customerId, "customerId");
        Require.id(caseId, "caseId");
        Require.date(occurredOn, "occurredOn");
        Require.present(forum, "forum");
        Require.text(body, "body", Require.SHORT_TEXT);
        invoiceIds = Require.nonEmptyList(invoiceIds, "invoiceIds");
        Require.distinct(invoiceIds, id -> id, "invoiceIds");
        Require.positive(claimAmount, "claimAmount");
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
