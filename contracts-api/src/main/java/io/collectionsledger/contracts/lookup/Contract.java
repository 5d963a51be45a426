package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;
import io.collectionsledger.contracts.contract.ValidityEvidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract as recorded: the evidence that it binds the customer, its payment terms, late-fee terms and dispute clause. */
public record Contract(String contractId, LocalDate occurredOn, Instant recordedAt, List<ValidityEvidence> validity,
                       List<PaymentTerm> paymentTerms, LateFeeTerms lateFees, DisputeClause disputeClause, String documentRef) {
}
