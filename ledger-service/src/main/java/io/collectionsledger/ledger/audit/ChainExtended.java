package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.ChainDigest;

import java.time.Instant;

/**
 * A Spring application event, published by the {@link Chainer} after each run that linked events
 * into the chain, once the links are committed: the new head, which {@code GET /audit/digest} now
 * shows. Whoever passes each new head on (to a message broker, a notary) listens for it.
 */
public record ChainExtended(ChainDigest head, Instant chainedAt) {
}
