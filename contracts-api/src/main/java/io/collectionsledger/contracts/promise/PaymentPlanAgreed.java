package io.collectionsledger.contracts.promise;

import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A payment plan agreed. {@code rescheduled} is what moved off the covered invoices' terms; from
 * now on it is owed as the installments, which age and are paid like terms of a receivable whose
 * id is the plan's.
 */
@EventType("promise.PaymentPlanAgreed")
@Revision("1")
public record PaymentPlanAgreed(
        String customerId,
        String planId,
        LocalDate occurredOn,
        List<String> invoiceIds,
        List<Allocation> rescheduled,
        List<Installment> installments,
        boolean coversInvoicesInLitigation,
        String documentRef) implements AccountEvent {
}
