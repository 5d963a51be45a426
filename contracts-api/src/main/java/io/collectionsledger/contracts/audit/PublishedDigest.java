package io.collectionsledger.contracts.audit;

import java.time.Instant;

/**
 * The chain's head as the service publishes it ({@code GET /audit/digest}).
 *
 * @param position    the global index of the last chained event
 * @param headHash    its hash
 * @param chainedAt   when it was chained (null before the first event)
 * @param journalHead the journal's last global index; {@code journalHead - position} is what the chainer has still to do
 * @param digest      {@code position:headHash}, the text to keep and give to the verifier
 */
public record PublishedDigest(long position, String headHash, Instant chainedAt, long journalHead, String digest) {

    public static PublishedDigest of(ChainDigest head, Instant chainedAt, long journalHead) {
        return new PublishedDigest(head.position(), head.headHash(), chainedAt, journalHead, head.toString());
    }
}
