package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.dossier.ContactOnFile;
import io.collectionsledger.contracts.dossier.LetterOnFile;
import io.collectionsledger.contracts.dossier.PromiseOnFile;
import io.collectionsledger.contracts.evidence.EvidenceChecklist;
import io.collectionsledger.contracts.evidence.EvidenceItem;
import io.collectionsledger.contracts.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A litigation evidence pack: the evidence checklist's eight steps with what proves each item or
 * what is missing, the limitation date and the fact that last restarted it, the collection work
 * in the order it happened, and the amounts claimed as of the date.
 */
public record EvidencePack(
        Party claimant,
        Party defendant,
        EvidenceChecklist checklist,
        List<Step> steps,
        List<Entry> chronology,
        List<Claim> claims) {

    /** One of the lawyer's eight steps and its items. */
    public record Step(int step, List<EvidenceItem> items) {
    }

    /**
     * One piece of collection work on the date it happened: a contact, a letter sent or delivered,
     * a promise given or judged. Exactly one of contact, letter and promise is present.
     */
    public record Entry(LocalDate on, Kind kind, ContactOnFile contact, LetterOnFile letter, PromiseOnFile promise) {

        public enum Kind { CONTACT, LETTER_SENT, LETTER_DELIVERED, PROMISE, PROMISE_JUDGED }
    }

    /**
     * What is claimed in one currency: the overdue open principal and late fees (statement of
     * account), the collection costs (none is recorded by the ledger yet), and their sum.
     */
    public record Claim(String currency, Money principal, Money lateFees, Money costs, Money total) {
    }
}
