package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.litigation.LegalStep;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lawsuit or arbitration filed, with its steps in the order recorded; {@code closed} once a step closed it. */
public record LegalCase(String caseId, LocalDate occurredOn, Instant recordedAt, DisputeClause.Forum forum, String body,
                        List<String> invoiceIds, Money claimAmount, boolean preservationRequested, String documentRef,
                        boolean closed, List<Step> steps) {

    public record Step(@NeverAbsent String stepId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt, @NeverAbsent LegalStep step,
                       Money amount, String description, @NeverAbsent String documentRef) {
    }
}
