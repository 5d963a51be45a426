package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.StoredEvent;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Recomputes the chain from the events as stored, in global index order, and compares it with the
 * stored links and with the digests the auditor kept. The links catch a change made by someone
 * who did not also rewrite the chain, and name the place; the kept digests catch a rewritten
 * chain, since nobody can make a different journal hash to a head the auditor already holds.
 */
public final class ChainVerifier {

    private final Lookahead rows;
    private final Deque<ChainDigest> digests;
    private String hash = ChainHash.GENESIS;
    private long index;
    private StoredEvent last;
    private String hashBeforeLast;
    private long indexBeforeLast;
    private long lastSeen = Long.MIN_VALUE;
    private long chained;
    private ChainDigest lastMatched;
    private Verdict.Rewrite rewrite;

    private ChainVerifier(Iterator<JournalRow> journal, Collection<ChainDigest> kept) {
        this.rows = new Lookahead(journal);
        this.digests = new ArrayDeque<>(kept.stream().sorted(Comparator.comparingLong(ChainDigest::position)).toList());
    }

    /** Checks the journal, read in global index order, against its links and the kept digests. */
    public static Verdict verify(Iterator<JournalRow> journal, Collection<ChainDigest> kept) {
        return new ChainVerifier(journal, kept).walk();
    }

    private Verdict walk() {
        JournalRow firstUnchained = null;
        long unchained = 0;
        boolean started = false;
        while (rows.hasNext()) {
            JournalRow row = rows.next();
            if (row.globalIndex() <= lastSeen) {
                return tampered("reordered: " + describe(row) + " comes after global index " + lastSeen);
            }
            lastSeen = row.globalIndex();
            if (!row.chained()) {
                if (firstUnchained == null) {
                    firstUnchained = row;
                }
                unchained++;
                continue;
            }
            if (firstUnchained != null && row.previousIndex() == firstUnchained.globalIndex()) {
                return tampered("deleted: the link of " + describe(firstUnchained) + " is gone from the chain, which links the next event to it");
            }
            if (firstUnchained != null) {
                return tampered("inserted: " + describe(firstUnchained) + " is not in the chain, which goes on at global index "
                        + row.globalIndex());
            }
            if (!started) {
                started = true;
                anchor(row);
            }
            String digestProblem = checkDigestsBefore(row.globalIndex());
            if (digestProblem != null) {
                return tampered(digestProblem);
            }
            String problem = link(row);
            if (problem != null) {
                return tampered(problem);
            }
            digestProblem = checkDigestAtHead();
            if (digestProblem != null) {
                return tampered(digestProblem);
            }
        }
        String digestProblem = checkDigestsBefore(Long.MAX_VALUE);
        if (digestProblem != null) {
            return tampered(digestProblem);
        }
        return new Verdict(true, "intact: " + chained + " events chained through global index " + index + ", head " + hash
                + (unchained > 0 ? "; " + unchained + " later events not chained yet" : "")
                + (lastMatched != null ? "; matches the digest kept at global index " + lastMatched.position() : ""),
                head(), chained, unchained, null);
    }

    /** A journal that does not start at the beginning (a partial export) starts from a digest kept where it begins. */
    private void anchor(JournalRow first) {
        long begin = first.previousIndex();
        if (begin != 0 && digests.stream().anyMatch(digest -> digest.position() == begin)) {
            // digests kept before where this journal begins cannot be checked against it
            digests.removeIf(digest -> digest.position() < begin);
            hash = digests.peekFirst().headHash();
            index = begin;
        }
    }

    /** Checks one link; null if it holds. */
    private String link(JournalRow row) {
        if (row.event() == null) {
            return "deleted: expected an event at global index " + row.globalIndex() + "; its link is in the chain, the event is gone";
        }
        long follows = row.previousIndex();
        if (follows != index) {
            if (follows >= row.globalIndex()) {
                return "reordered: " + row.event().describe() + " was chained after global index " + follows;
            }
            if (follows > index) {
                JournalRow moved = later(follows);
                if (moved != null) {
                    return "reordered: " + describe(moved) + " comes later than global index " + row.globalIndex()
                            + ", which the chain links after it";
                }
                return "deleted: expected an event at global index " + follows + ", which the chain links before global index "
                        + row.globalIndex();
            }
            if (last != null && follows == indexBeforeLast && ChainHash.next(hashBeforeLast, row.event()).equals(row.hash())) {
                return "inserted: " + last.describe() + " is not in the chain; the link at global index " + row.globalIndex()
                        + " follows global index " + follows;
            }
            return altered(row.event());
        }
        String computed = ChainHash.next(hash, row.event());
        if (!computed.equals(row.hash())) {
            return diagnose(row);
        }
        hashBeforeLast = hash;
        indexBeforeLast = index;
        hash = computed;
        index = row.globalIndex();
        last = row.event();
        chained++;
        return null;
    }

    /** The event at this place does not hash to its link: say whether it was inserted, moved here, or altered. */
    private String diagnose(JournalRow row) {
        if (rows.hasNext()) {
            JournalRow next = rows.peek();
            if (next.chained() && next.event() != null && next.previousIndex() == index
                    && ChainHash.next(hash, next.event()).equals(next.hash())) {
                return "inserted: " + row.event().describe() + " is not in the chain; the link at global index "
                        + next.globalIndex() + " follows global index " + index;
            }
        }
        while (rows.hasNext()) {
            JournalRow later = rows.next();
            if (later.event() != null && ChainHash.next(hash, later.event().at(row.globalIndex())).equals(row.hash())) {
                return "reordered: the event chained at global index " + row.globalIndex() + " is now " + later.event().describe()
                        + ", and " + row.event().describe() + " is in its place";
            }
        }
        return altered(row.event());
    }

    /** The row at this global index further on, in a journal that is out of order (an edited export). */
    private JournalRow later(long globalIndex) {
        while (rows.hasNext()) {
            JournalRow later = rows.next();
            if (later.globalIndex() == globalIndex) {
                return later;
            }
        }
        return null;
    }

    private static String altered(StoredEvent event) {
        return "altered: " + event.describe() + " no longer hashes to its link in the chain";
    }

    /** Kept digests at positions the walk has passed without a chained event there. */
    private String checkDigestsBefore(long position) {
        while (!digests.isEmpty() && digests.peekFirst().position() < position) {
            ChainDigest digest = digests.removeFirst();
            if (digest.position() == index) {
                String problem = compare(digest);
                if (problem != null) {
                    return problem;
                }
            } else if (position == Long.MAX_VALUE && digest.position() > index) {
                return "chain ends before the kept digest: it reaches global index " + index + ", the digest was kept at "
                        + digest.position();
            } else {
                rewrite = new Verdict.Rewrite(lastMatched == null ? 0 : lastMatched.position(), digest.position());
                return "digest does not match: no event is chained at global index " + digest.position() + ", where the digest was kept"
                        + stillMatching();
            }
        }
        return null;
    }

    private String checkDigestAtHead() {
        while (!digests.isEmpty() && digests.peekFirst().position() == index) {
            String problem = compare(digests.removeFirst());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String compare(ChainDigest digest) {
        if (digest.headHash().equals(hash)) {
            lastMatched = digest;
            return null;
        }
        rewrite = new Verdict.Rewrite(lastMatched == null ? 0 : lastMatched.position(), digest.position());
        return "digest does not match: at global index " + digest.position() + " the chain's hash is " + hash
                + ", the kept digest says " + digest.headHash() + "; an event at or before global index " + digest.position()
                + (lastMatched == null ? "" : " and after global index " + lastMatched.position() + " (where the kept digest still matches)")
                + " was changed and the chain rewritten";
    }

    private String stillMatching() {
        return lastMatched == null ? "" : "; the digest kept at global index " + lastMatched.position() + " still matches";
    }

    private static String describe(JournalRow row) {
        return row.event() != null ? row.event().describe() : "link at global index " + row.globalIndex();
    }

    private Verdict tampered(String finding) {
        return new Verdict(false, finding, head(), chained, 0, rewrite);
    }

    private ChainDigest head() {
        return new ChainDigest(index, hash);
    }

    /** The journal, with a look at the next row. */
    private static final class Lookahead implements Iterator<JournalRow> {
        private final Iterator<JournalRow> rows;
        private JournalRow peeked;

        Lookahead(Iterator<JournalRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || rows.hasNext();
        }

        @Override
        public JournalRow next() {
            if (peeked != null) {
                JournalRow row = peeked;
                peeked = null;
                return row;
            }
            if (!rows.hasNext()) {
                throw new NoSuchElementException();
            }
            return rows.next();
        }

        JournalRow peek() {
            if (peeked == null) {
                peeked = next();
            }
            return peeked;
        }
    }
}
