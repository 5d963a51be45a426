package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.contracts.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Agrees a payment plan (a supplementary agreement): what is open on the covered invoices is
 * paid in installments instead, whose due dates replace the original ones. Covering an invoice
 * that is already in a lawsuit must be said explicitly ({@code coversInvoicesInLitigation}).
 */
public record AgreePaymentPlan(
        @TargetAggregateIdentifier String customerId,
        String planId,
        LocalDate occurredOn,
        List<String> invoiceIds,
        List<Installment> installments,
        boolean coversInvoicesInLitigation,
        String documentRef) implements AccountCommand {

    public AgreePaymentPlan {
        Require.id(customerId, "customerId");
        Require.id(planId, "planId");
        Require.date(occurredOn, "occurredOn");
        invoiceIds = Require.nonEmptyList(invoiceIds, "invoiceIds");
        Require.distinct(invoiceIds, id -> id, "invoiceIds");
        installments = Require.nonEmptyList(installments, "installments");
        Require.distinct(installments, Installment::installmentId, "installments");
        Require.text(documentRef, "documentRef", Require.SHORT_TEXT);
    }
}
