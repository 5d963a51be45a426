package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.security.RecordAssetLead;

import java.time.Instant;
import java.time.LocalDate;

public record AssetLead(String leadId, LocalDate occurredOn, Instant recordedAt, RecordAssetLead.Kind kind, String description,
                        String source) {
}
