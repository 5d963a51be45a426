package io.collectionsledger.projections.credit;

import io.collectionsledger.contracts.collection.CreditLimitRaised;
import io.collectionsledger.contracts.collection.CreditLimitSet;
import io.collectionsledger.contracts.collection.SupplyResumed;
import io.collectionsledger.contracts.collection.SupplySuspended;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.delivery.DeliveryRecorded;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.time.OrdersReleased;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;

import java.time.Instant;

/** Hands an event to the credit decision's handler as Axon would, with its recording time. */
final class CreditFeed {

    private CreditFeed() {
    }

    static void feed(CreditDecisionProjection projection, Object event, Instant recordedAt) {
        if (event instanceof CustomerRegistered e) projection.on(e, recordedAt);
        else if (event instanceof DeliveryRecorded e) projection.on(e, recordedAt);
        else if (event instanceof InvoiceIssued e) projection.on(e, recordedAt);
        else if (event instanceof CreditNoteIssued e) projection.on(e, recordedAt);
        else if (event instanceof PaymentRecorded e) projection.on(e, recordedAt);
        else if (event instanceof PaymentReversed e) projection.on(e, recordedAt);
        else if (event instanceof UnappliedCreditApplied e) projection.on(e, recordedAt);
        else if (event instanceof UnappliedCreditRefunded e) projection.on(e, recordedAt);
        else if (event instanceof LateFeesAccrued e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPlanAgreed e) projection.on(e, recordedAt);
        else if (event instanceof ReceivableWrittenOff e) projection.on(e, recordedAt);
        else if (event instanceof CreditLimitSet e) projection.on(e, recordedAt);
        else if (event instanceof CreditLimitRaised e) projection.on(e, recordedAt);
        else if (event instanceof OrdersHeld e) projection.on(e, recordedAt);
        else if (event instanceof OrdersReleased e) projection.on(e, recordedAt);
        else if (event instanceof SupplySuspended e) projection.on(e, recordedAt);
        else if (event instanceof SupplyResumed e) projection.on(e, recordedAt);
        else if (event instanceof LawsuitFiled e) projection.on(e, recordedAt);
        else if (event instanceof LegalStepRecorded e) projection.on(e, recordedAt);
        else throw new IllegalArgumentException("the credit decision does not follow " + event.getClass().getSimpleName());
    }
}
