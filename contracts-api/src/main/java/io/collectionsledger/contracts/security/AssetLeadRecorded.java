package io.collectionsledger.contracts.security;

import io.collectionsledger.contracts.shared.AccountEvent;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record AssetLeadRecorded(
        String customerId,
        String leadId,
        LocalDate occurredOn,
        RecordAssetLead.Kind kind,
        String description,
        String source) implements AccountEvent {
}
