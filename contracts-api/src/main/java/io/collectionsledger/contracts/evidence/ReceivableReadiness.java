package io.collectionsledger.contracts.evidence;

import io.collectionsledger.contracts.shared.Money;

import java.util.List;

/**
 * One receivable of a customer's checklist: what is open on it (its terms' principal and late fees, those
 * recorded and those accrued since to the checklist's date, as the statement of account counts them), what
 * is missing, and its limitation period.
 */
public record ReceivableReadiness(String invoiceId, Money open, List<Evidence> stillMissing, LimitationPeriod limitation) {
}
