package io.collectionsledger.contracts.dossier;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.contract.LateFeeTerms;
import io.collectionsledger.contracts.contract.PaymentTerm;

import java.time.LocalDate;
import java.util.List;

/** A contract's clauses a letter quotes: its payment terms, its late-payment liability and where disputes go (either may be absent). */
public record ContractOnFile(
        String contractId,
        LocalDate recordedOn,
        List<PaymentTerm> paymentTerms,
        LateFeeTerms lateFees,
        DisputeClause disputeClause,
        String documentRef) {
}
