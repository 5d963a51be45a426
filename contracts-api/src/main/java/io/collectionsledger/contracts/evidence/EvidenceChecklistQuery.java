package io.collectionsledger.contracts.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The evidence checklist of a customer, or of one of its receivables (invoiceId), from the facts
 * that happened by {@code asOf} and were recorded by {@code knownAt}.
 */
public record EvidenceChecklistQuery(String customerId, String invoiceId, LocalDate asOf, Instant knownAt) {
}
