package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.StoredEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Names the event that was changed under a rewritten chain. The kept digests say only between which
 * two positions the change lies, since whoever rewrote the chain made every later link agree with
 * the change. An export of the journal made before the rewrite, which the kept digests still vouch
 * for, says what each event was: the first one in that range that the journal now holds otherwise is
 * the one that was changed (or deleted, or inserted).
 */
final class EarlierExport {

    private EarlierExport() {
    }

    /**
     * @param journal the journal as it is now
     * @param earlier the export made before the rewrite, to check against the kept digests
     * @param before  the same export again, to compare with the journal
     */
    static String firstDifference(Iterator<JournalRow> journal, Iterator<JournalRow> earlier, Iterator<JournalRow> before,
                                  Collection<ChainDigest> kept, Verdict.Rewrite range) {
        List<ChainDigest> vouching = kept.stream().filter(digest -> digest.position() <= range.through()).toList();
        Verdict check = ChainVerifier.verify(earlier, vouching);
        if (!check.intact()) {
            return "the earlier export does not hold either (" + check.finding() + "), so it cannot say which event was changed";
        }
        long through = Math.min(range.through(), check.head().position());
        JournalRow was = next(before, range.after());
        JournalRow is = next(journal, range.after());
        while (was != null && was.globalIndex() <= through || is != null && is.globalIndex() <= through) {
            long wasAt = was == null ? Long.MAX_VALUE : was.globalIndex();
            long isAt = is == null ? Long.MAX_VALUE : is.globalIndex();
            if (wasAt < isAt) {
                return "deleted: " + was.event().describe() + " is in the earlier export and no longer in the journal";
            }
            if (isAt < wasAt) {
                return "inserted: " + is.event().describe() + " is in the journal and not in the earlier export";
            }
            List<String> changed = differences(was.event(), is.event());
            if (!changed.isEmpty()) {
                return "altered: " + is.event().describe() + " differs from the earlier export in its " + String.join(", ", changed);
            }
            was = next(before, wasAt);
            is = next(journal, isAt);
        }
        return "no event after global index " + range.after() + " and up to " + through + " differs from the earlier export"
                + (through < range.through() ? ", which ends there" : "");
    }

    /** The next row with an event after the global index. */
    private static JournalRow next(Iterator<JournalRow> rows, long after) {
        while (rows.hasNext()) {
            JournalRow row = rows.next();
            if (row.globalIndex() > after && row.event() != null) {
                return row;
            }
        }
        return null;
    }

    private static List<String> differences(StoredEvent then, StoredEvent now) {
        List<String> fields = new ArrayList<>();
        compare(fields, "event id", then.eventId(), now.eventId());
        compare(fields, "aggregate type", then.aggregateType(), now.aggregateType());
        compare(fields, "aggregate", then.aggregateId(), now.aggregateId());
        compare(fields, "sequence number", then.sequence(), now.sequence());
        compare(fields, "timestamp", then.timestamp(), now.timestamp());
        compare(fields, "type", then.type(), now.type());
        compare(fields, "revision", then.revision(), now.revision());
        if (!Arrays.equals(then.payload(), now.payload())) {
            fields.add("payload");
        }
        if (!Arrays.equals(then.metaData(), now.metaData())) {
            fields.add("metadata");
        }
        return fields;
    }

    private static void compare(List<String> fields, String name, Object then, Object now) {
        if (!Objects.equals(then, now)) {
            fields.add(name);
        }
    }
}
