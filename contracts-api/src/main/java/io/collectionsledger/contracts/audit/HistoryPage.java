package io.collectionsledger.contracts.audit;

import java.util.List;

/**
 * A page of a history, oldest first.
 *
 * @param next the cursor for the next page (pass it as {@code after}), or null on the last page
 */
public record HistoryPage(List<HistoryEntry> entries, Long next) {
}
