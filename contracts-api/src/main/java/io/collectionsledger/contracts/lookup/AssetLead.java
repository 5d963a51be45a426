package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;

public record AssetLead(@NeverAbsent String leadId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                        @NeverAbsent RecordAssetLead.Kind kind, @NeverAbsent String description, String source) {
}
