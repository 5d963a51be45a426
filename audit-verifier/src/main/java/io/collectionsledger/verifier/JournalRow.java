package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.StoredEvent;

/**
 * One place of the journal as the verifier reads it: the event stored there and its link in the
 * chain. Either may be missing: an event not chained (yet), or a link whose event is gone.
 *
 * @param event         the event at this global index, or null
 * @param previousIndex the global index the link follows, or null without a link
 * @param hash          the link's hash, or null without a link
 */
public record JournalRow(long globalIndex, StoredEvent event, Long previousIndex, String hash) {

    public boolean chained() {
        return hash != null;
    }
}
