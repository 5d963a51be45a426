package io.collectionsledger.contracts.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where letters to the customer go and who attends to them, as in force on a date: recorded with
 * effect from {@code since}, at {@code recordedAt}.
 */
public record CorrespondenceAddress(
        LocalDate since,
        Instant recordedAt,
        String postalAddress,
        String postcode,
        String contactPerson,
        String contactPhone) {
}
