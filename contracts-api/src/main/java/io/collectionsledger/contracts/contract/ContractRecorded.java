package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@EventType("contract.ContractRecorded")
@Revision("1")
public record ContractRecorded(
        String customerId,
        String contractId,
        LocalDate occurredOn,
        List<ValidityEvidence> validity,
        List<PaymentTerm> paymentTerms,
        LateFeeTerms lateFees,
        DisputeClause disputeClause,
        String documentRef) implements AccountEvent {
}
