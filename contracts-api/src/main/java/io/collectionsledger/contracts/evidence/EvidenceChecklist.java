package io.collectionsledger.contracts.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The evidence checklist (litigation readiness) for one receivable, or for a customer (invoiceId
 * absent). A customer's item is present when it is present for every receivable open as of the
 * date (or, with none open, every receivable recorded); its gaps name the receivables that lack
 * it, and {@code receivables} lists each one. The limitation period is the one that expires first;
 * absent when nothing overdue is open.
 */
public record EvidenceChecklist(
        String customerId,
        String invoiceId,
        LocalDate asOf,
        Instant knownAt,
        List<EvidenceItem> items,
        Readiness readiness,
        LimitationPeriod limitation,
        List<ReceivableReadiness> receivables) {
}
