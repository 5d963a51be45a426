package io.collectionsledger.contracts.statement;

import io.collectionsledger.contracts.shared.Money;

import java.util.List;

/**
 * The statement of open items: every invoice term with something open, oldest due first; the
 * open total and the unapplied credit per currency (never summed across currencies).
 */
public record CustomerStatement(
        String customerId,
        List<OpenItem> items,
        List<Money> totalOpen,
        List<Money> unappliedCredit) {
}
