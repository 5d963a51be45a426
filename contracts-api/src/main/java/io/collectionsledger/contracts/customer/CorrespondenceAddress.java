package io.collectionsledger.contracts.customer;

import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where letters to the customer go and who attends to them, as in force on a date: recorded with
 * effect from {@code since}, at {@code recordedAt}.
 */
public record CorrespondenceAddress(
        @NeverAbsent LocalDate since,
        @NeverAbsent Instant recordedAt,
        @NeverAbsent String postalAddress,
        String postcode,
        @NeverAbsent String contactPerson,
        String contactPhone) {
}
