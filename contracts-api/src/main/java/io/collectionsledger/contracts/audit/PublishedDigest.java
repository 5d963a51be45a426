package io.collectionsledger.contracts.audit;

import io.collectionsledger.contracts.shared.NeverAbsent;

import java.time.Instant;

/**
 * The chain's head as the service publishes it ({@code GET /audit/digest}).
 *
 * @param position    the global index of the last chained event
 * @param headHash    its hash
 * @param chainedAt   when it was chained (null before the first event)
 * @param journalHead the journal's last global index; {@code journalHead - position} is what the chainer has still to do
 * @param digest      {@code position:headHash}, the text to keep and give to the verifier
 * @param alarm       the tampering the service found, while its alarm is raised (the chain is then not extended); null otherwise
 */
public record PublishedDigest(long position, String headHash, Instant chainedAt, long journalHead, String digest, Alarm alarm) {

    /** What the service found wrong with its chain, and when. */
    public record Alarm(@NeverAbsent String finding, @NeverAbsent Instant raisedAt) {
    }

    public static PublishedDigest of(ChainDigest head, Instant chainedAt, long journalHead) {
        return new PublishedDigest(head.position(), head.headHash(), chainedAt, journalHead, head.toString(), null);
    }

    public PublishedDigest withAlarm(Alarm raised) {
        return new PublishedDigest(position, headHash, chainedAt, journalHead, digest, raised);
    }
}
