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
 */
public record Verdict(boolean intact, String finding, ChainDigest head, long chained, long unchained) {
}
