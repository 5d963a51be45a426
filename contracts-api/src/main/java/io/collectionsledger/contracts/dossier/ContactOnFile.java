package io.collectionsledger.contracts.dossier;

import io.collectionsledger.contracts.collection.Channel;
import io.collectionsledger.contracts.collection.ContactOutcome;

import java.time.LocalDate;

/** A contact attempt logged, with the recording or message that keeps its trace (absent when none was kept). */
public record ContactOnFile(
        String contactId,
        LocalDate occurredOn,
        Channel channel,
        String collector,
        String partyReached,
        ContactOutcome outcome,
        String recordingRef) {
}
