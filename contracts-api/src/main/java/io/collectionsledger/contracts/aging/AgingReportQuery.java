package io.collectionsledger.contracts.aging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The aging report as of a business date (facts that happened by then) and as the ledger knew it
 * at a time (facts recorded by then), for one customer or the whole portfolio.
 *
 * @param bucketUpperBounds the last day past due of each bucket after "current", e.g. 30, 60, 90,
 *                          180, 365 (the default): buckets current, 1–30, 31–60, 61–90, 91–180,
 *                          181–365 and over 365
 * @param after             for the portfolio, the page of customers whose ids come after this one
 *                          (the previous page's {@link AgingReport#nextAfter()}); null for the first
 * @param limit             for the portfolio, at most this many customers on the page; null for every
 *                          customer. The totals are always the whole portfolio's.
 */
public record AgingReportQuery(LocalDate asOf, Instant knownAt, String customerId, List<Integer> bucketUpperBounds,
                               String after, Integer limit) {

    public static final List<Integer> DEFAULT_BUCKETS = List.of(30, 60, 90, 180, 365);

    public AgingReportQuery {
        bucketUpperBounds = bucketUpperBounds == null || bucketUpperBounds.isEmpty() ? DEFAULT_BUCKETS : List.copyOf(bucketUpperBounds);
    }

    /** Every customer on one page. */
    public AgingReportQuery(LocalDate asOf, Instant knownAt, String customerId, List<Integer> bucketUpperBounds) {
        this(asOf, knownAt, customerId, bucketUpperBounds, null, null);
    }
}
