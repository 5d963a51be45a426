package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.ChainDigest;

/**
 * What the verifier found.
 *
 * @param intact    whether the chain holds and matches every kept digest
 * @param finding   the first bad place (altered, inserted, deleted, reordered, or a digest that does not match), or what was checked
 * @param head      the chain's head as recomputed, up to the first bad place
 * @param chained   events whose links were checked
 * @param unchained events after the head not chained yet
 * @param rewritten where a kept digest no longer matches, the range the changed event lies in; null otherwise
 */
public record Verdict(boolean intact, String finding, ChainDigest head, long chained, long unchained, Rewrite rewritten) {

    /**
     * A chain rewritten after an event was changed: the change lies after global index {@code after}
     * (where a kept digest still matches, 0 without one) and at or before {@code through} (where one no longer does).
     */
    public record Rewrite(long after, long through) {
    }
}
