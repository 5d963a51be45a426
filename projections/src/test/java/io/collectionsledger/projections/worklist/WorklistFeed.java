package io.collectionsledger.projections.worklist;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.EarlyWarningFlagged;
import io.collectionsledger.contracts.customer.CustomerRegistered;
import io.collectionsledger.contracts.dunning.DunningLetterDelivered;
import io.collectionsledger.contracts.dunning.DunningLetterSent;
import io.collectionsledger.contracts.litigation.LawsuitFiled;
import io.collectionsledger.contracts.litigation.LegalStepRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.reconciliation.ReconciliationStatementConfirmed;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.OrdersHeld;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;

import java.time.Instant;

/** Hands an event to the worklist's handler as Axon would, with its recording time. */
final class WorklistFeed {

    private WorklistFeed() {
    }

    static void feed(WorklistProjection projection, Object event, Instant recordedAt) {
        if (event instanceof CustomerRegistered e) projection.on(e);
        else if (event instanceof InvoiceIssued e) projection.on(e, recordedAt);
        else if (event instanceof CreditNoteIssued e) projection.on(e, recordedAt);
        else if (event instanceof PaymentRecorded e) projection.on(e, recordedAt);
        else if (event instanceof PaymentReversed e) projection.on(e, recordedAt);
        else if (event instanceof UnappliedCreditApplied e) projection.on(e, recordedAt);
        else if (event instanceof LateFeesAccrued e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPlanAgreed e) projection.on(e, recordedAt);
        else if (event instanceof ReceivableWrittenOff e) projection.on(e, recordedAt);
        else if (event instanceof CollectorAssigned e) projection.on(e, recordedAt);
        else if (event instanceof ReconciliationStatementConfirmed e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPromiseRecorded e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPromiseKept e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPromisePartiallyKept e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPromiseBroken e) projection.on(e, recordedAt);
        else if (event instanceof PaymentPromiseOutcomeCorrected e) projection.on(e, recordedAt);
        else if (event instanceof EarlyWarningFlagged e) projection.on(e, recordedAt);
        else if (event instanceof OrdersHeld e) projection.on(e, recordedAt);
        else if (event instanceof DunningLetterSent e) projection.on(e, recordedAt);
        else if (event instanceof DunningLetterDelivered e) projection.on(e, recordedAt);
        else if (event instanceof LawsuitFiled e) projection.on(e, recordedAt);
        else if (event instanceof LegalStepRecorded e) projection.on(e, recordedAt);
        else throw new IllegalArgumentException("the worklist does not follow " + event.getClass().getSimpleName());
    }
}
