package io.collectionsledger.contracts.dunning;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@EventType("dunning.DunningLetterSent")
@Revision("1")
public record DunningLetterSent(
        String customerId,
        String letterId,
        LocalDate occurredOn,
        int level,
        List<String> invoiceIds,
        Money amountDemanded,
        Money lateFeesDemanded,
        LocalDate deadline,
        boolean rightsReserved,
        String courier,
        String waybill,
        String documentRef) implements AccountEvent {
}
