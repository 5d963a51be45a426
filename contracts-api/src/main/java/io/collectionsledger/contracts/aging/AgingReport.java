package io.collectionsledger.contracts.aging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The aging report (账龄). Rows per customer and currency, totals per currency (never summed
 * across currencies), and, for a single customer, the open terms behind the figures. Written-off
 * amounts are excluded; disputed amounts are in their own column and in the total. The portfolio's
 * customers come a page at a time in the order of their ids; the totals are the whole portfolio's.
 *
 * @param nextAfter the last customer id on this page when more follow (pass it as the next query's
 *                  {@code after}); null on the last page
 */
public record AgingReport(LocalDate asOf, Instant knownAt, List<String> buckets, List<AgingRow> customers,
                          List<AgingRow> totals, List<AgingTermLine> terms, String nextAfter) {
}
