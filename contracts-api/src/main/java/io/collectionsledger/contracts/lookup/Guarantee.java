package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;

public record Guarantee(@NeverAbsent String guaranteeId, @NeverAbsent LocalDate occurredOn, @NeverAbsent Instant recordedAt,
                        @NeverAbsent RecordGuarantee.Kind kind, @NeverAbsent String guarantor, Money amountCovered, String registrationRef,
                        @NeverAbsent String documentRef) {
}
