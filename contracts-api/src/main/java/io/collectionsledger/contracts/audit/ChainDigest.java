package io.collectionsledger.contracts.audit;

/**
 * What an auditor keeps: the chain's head hash at a position of the journal. Written
 * {@code position:headHash}. Anyone holding it can later prove that nothing at or before that
 * position was altered, inserted, deleted or reordered, even by someone who rewrote the chain.
 *
 * @param position the global index of the last chained event (0 before the first)
 * @param headHash its hash, 64 lowercase hex digits ({@link ChainHash#GENESIS} at position 0)
 */
public record ChainDigest(long position, String headHash) {

    public ChainDigest {
        if (position < 0) {
            throw new IllegalArgumentException("a digest's position is a global index, 0 or more; got " + position);
        }
        if (!ChainHash.isHash(headHash)) {
            throw new IllegalArgumentException("a digest's hash is 64 lowercase hex digits; got " + headHash);
        }
    }

    /** Reads {@code position:headHash}; throws IllegalArgumentException on anything else. */
    public static ChainDigest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1 || !text.substring(0, colon).matches("\\d{1,18}")) {
            throw new IllegalArgumentException("a digest reads position:hash, e.g. 42:" + ChainHash.GENESIS + "; got " + text);
        }
        return new ChainDigest(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return position + ":" + headHash;
    }
}
