package io.collectionsledger.contracts.security;

import io.collectionsledger.contracts.shared.AccountEvent;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@EventType("security.AssetLeadRecorded")
@Revision("1")
public record AssetLeadRecorded(
        String customerId,
        String leadId,
        LocalDate occurredOn,
        RecordAssetLead.Kind kind,
        String description,
        String source) implements AccountEvent {
}
