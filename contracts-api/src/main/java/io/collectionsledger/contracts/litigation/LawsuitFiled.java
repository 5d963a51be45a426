package io.collectionsledger.contracts.litigation;

import io.collectionsledger.contracts.contract.DisputeClause;
import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@EventType("litigation.LawsuitFiled")
@Revision("1")
public record LawsuitFiled(
        String customerId,
        String caseId,
        LocalDate occurredOn,
        DisputeClause.Forum forum,
        String body,
        List<String> invoiceIds,
        Money claimAmount,
        boolean preservationRequested,
        String documentRef) implements AccountEvent {
}
