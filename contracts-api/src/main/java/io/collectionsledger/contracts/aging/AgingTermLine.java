package io.collectionsledger.contracts.aging;

import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;

/** One invoice term (or plan installment) with something open, and the bucket its age puts it in. */
public record AgingTermLine(String customerId, String invoiceId, String termId, LocalDate dueDate, long daysPastDue,
                            String bucket, Money open, Money disputed) {
}
