package io.collectionsledger.contracts.evidence;

import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.LocalDate;

/**
 * A fact in the ledger that proves an item (or restarted the limitation period): the event that
 * recorded it, the business day it happened, the document that proves it (absent when the fact
 * has none, e.g. an asset lead heard of in conversation) and what it says.
 */
public record Proof(@NeverAbsent String eventId, @NeverAbsent LocalDate occurredOn, String documentRef, @NeverAbsent String description) {
}
