package io.collectionsledger.contracts.lookup;

import io.collectionsledger.contracts.security.RecordGuarantee;
import io.collectionsledger.contracts.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

public record Guarantee(String guaranteeId, LocalDate occurredOn, Instant recordedAt, RecordGuarantee.Kind kind, String guarantor,
                        Money amountCovered, String registrationRef, String documentRef) {
}
