package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids given to one kind of fact on this account. A client names each fact it records, so a
 * repeated id is refused rather than taken for a second fact.
 */
@SnapshotState
final class Ids {

    /** Given by the owner, which makes the set (a snapshot fills in only the ids). */
    @JsonIgnore
    private final String kind;
    private final Set<String> used = new HashSet<>();

    Ids(String kind) {
        this.kind = kind;
    }

    void requireUnused(String id) {
        requireUnused(used.contains(id), kind, id);
    }

    boolean contains(String id) {
        return used.contains(id);
    }

    void add(String id) {
        used.add(id);
    }

    /** For a kind whose ids are the keys of the state kept about it. */
    static void requireUnused(boolean used, String kind, String id) {
        if (used) {
            throw new RuleViolation(Rule.DUPLICATE_ID, "a " + kind + " " + id + " was already recorded for this customer");
        }
    }
}
