package io.collectionsledger.projections.aging;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.dispute.DisputeRaised;
import io.collectionsledger.contracts.dispute.DisputeResolved;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.payment.UnappliedCreditRefunded;
import io.collectionsledger.contracts.promise.PaymentPlanAgreed;
import io.collectionsledger.contracts.receivable.CreditNoteIssued;
import io.collectionsledger.contracts.receivable.InvoiceIssued;
import io.collectionsledger.contracts.time.LateFeesAccrued;
import io.collectionsledger.contracts.time.LateFeesCorrected;
import io.collectionsledger.contracts.writeoff.ReceivableWrittenOff;

import java.time.Instant;

/** Hands an event to the projection's handler as Axon would, with its recording time and id. */
final class AgingFeed {

    private AgingFeed() {
    }

    static void feed(AgingProjection projection, Object event, Instant recordedAt, String eventId) {
        if (event instanceof ContractRecorded e) projection.on(e);
        else if (event instanceof InvoiceIssued e) projection.on(e, recordedAt, eventId);
        else if (event instanceof PaymentRecorded e) projection.on(e, recordedAt, eventId);
        else if (event instanceof PaymentReversed e) projection.on(e, recordedAt, eventId);
        else if (event instanceof CreditNoteIssued e) projection.on(e, recordedAt, eventId);
        else if (event instanceof UnappliedCreditApplied e) projection.on(e, recordedAt, eventId);
        else if (event instanceof UnappliedCreditRefunded e) projection.on(e, recordedAt, eventId);
        else if (event instanceof LateFeesAccrued e) projection.on(e, recordedAt, eventId);
        else if (event instanceof LateFeesCorrected e) projection.on(e, recordedAt, eventId);
        else if (event instanceof PaymentPlanAgreed e) projection.on(e, recordedAt, eventId);
        else if (event instanceof ReceivableWrittenOff e) projection.on(e, recordedAt, eventId);
        else if (event instanceof DisputeRaised e) projection.on(e, recordedAt, eventId);
        else if (event instanceof DisputeResolved e) projection.on(e, recordedAt, eventId);
        else throw new IllegalArgumentException("the aging report does not follow " + event.getClass().getSimpleName());
    }
}
