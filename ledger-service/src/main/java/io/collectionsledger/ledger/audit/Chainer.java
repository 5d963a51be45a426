package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.ledger.http.DatabaseUnavailable;
import io.collectionsledger.ledger.journal.AppendedEvents;
import io.collectionsledger.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Extends the hash chain over events already committed, every LEDGER_AUDIT_CHAIN_INTERVAL
 * (default 100 ms), so writers never wait for it and never contend on a chain head.
 *
 * <p>The chain must never skip an event that commits later with a lower global index (identity
 * values are taken at insert, in one order, and committed in another). So each run first finds a
 * horizon: under a SHARE lock on the journal, which waits for the transactions that are
 * appending right then and holds new appends back for that instant only, every global index up to
 * the highest one visible is final. The lock is released at once; the events up to the horizon
 * are then chained in transactions of {@value #BATCH}. Global indexes that a rolled-back append
 * consumed are never filled, and the chain simply goes from one stored event to the next.
 *
 * <p>It checks what it builds on, and raises the {@link ChainAlarm} instead of linking:
 * <ul>
 *     <li>the chain never goes below a head already published (linked here, seen linked by another
 *         instance, or shown by {@code GET /audit/digest}): links missing or changed at or below it
 *         mean someone deleted or rewrote them, and linking again would hide it;</li>
 *     <li>the link it extends must still hash from its event and the link before it;</li>
 *     <li>an event this instance appended must still be what it appended ({@link AppendedEvents}):
 *         one altered before it was chained is left unchained.</li>
 * </ul>
 * While the alarm is raised it links nothing; {@link #resume()} (an administrator's command) lets it
 * go on from the chain as it finds it. After each run that linked events it publishes
 * {@link ChainExtended}.
 *
 * <p>One instance chains at a time (a transaction-scoped advisory lock); the primary key of
 * event_chain would refuse a second chainer's links anyway. When nothing was appended, a run is
 * four single-row queries and takes no lock on the journal.
 */
@Component
class Chainer {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);
    /** Any constant that no other part of the ledger takes as an advisory lock ("Chainer!"). */
    static final long LOCK = 0x436861696e657221L;
    static final int BATCH = 10_000;

    /** Appends holding the journal longer than this leave the chaining to the next run, rather than queue behind the lock. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(200);

    private final Journal journal;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ChainAlarm alarm;
    private final AppendedEvents appended;
    private final ApplicationEventPublisher events;
    /** The highest head published: the chain never goes below it. Null until the first run, and after a resume. */
    private ChainDigest published;

    Chainer(Journal journal, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock, ChainAlarm alarm,
            AppendedEvents appended, ApplicationEventPublisher events) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
        this.alarm = alarm;
        this.appended = appended;
        this.events = events;
    }

    private record Link(long globalIndex, long previousIndex, String hash) {
        ChainDigest digest() {
            return new ChainDigest(globalIndex, hash);
        }
    }

    /** What a run found before linking: a horizon to link up to, or tampering, or another instance chaining. */
    private record Horizon(Long upTo, String tampering, boolean elsewhere) {
    }

    /** What one transaction linked, the head it left, and the tampering it stopped at. */
    private record Batch(int linked, Link head, String tampering) {
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:PT0.1S}", initialDelayString = "${ledger.audit.chain-interval:PT0.1S}")
    void chainNewEvents() {
        try {
            chain();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // readiness says so; the next run goes on where this one stopped
            log.debug("the database is unavailable; chaining on a later run", e);
        }
    }

    /** Chains every event committed before this call; returns how many. */
    int chain() {
        if (alarm.refresh()) {
            resume();
        }
        if (alarm.current().isPresent()) {
            return 0;
        }
        Horizon horizon;
        try {
            horizon = transaction.execute(status -> horizon());
        } catch (PessimisticLockingFailureException busy) {
            log.debug("appends held the journal longer than the chainer waits; chaining on the next run");
            return 0;
        }
        if (horizon.tampering() != null) {
            alarm.raise(horizon.tampering());
            return 0;
        }
        if (horizon.elsewhere()) {
            checkChainedElsewhere();
            return 0;
        }
        if (horizon.upTo() == null) {
            return 0;
        }
        int chained = 0;
        Batch linked;
        do {
            linked = transaction.execute(status -> linkUpTo(horizon.upTo()));
            chained += linked.linked();
            if (linked.linked() > 0) {
                publish(linked.head().digest());
            }
        } while (linked.linked() == BATCH && linked.tampering() == null);
        if (linked.tampering() != null) {
            alarm.raise(linked.tampering());
        }
        if (chained > 0) {
            events.publishEvent(new ChainExtended(published().orElseThrow(), clock.instant()));
        }
        log.debug("chained {} events through global index {}", chained, horizon.upTo());
        return chained;
    }

    /** The highest global index below which no append can still commit, or null if there is nothing to chain. */
    private Horizon horizon() {
        if (!locked()) {
            return new Horizon(null, null, true);
        }
        Link head = head();
        String tampering = belowPublished(head);
        if (tampering != null) {
            return new Horizon(null, tampering, false);
        }
        publish(head.digest());
        if (journal.head() <= head.globalIndex()) {
            return new Horizon(null, null, false);
        }
        return new Horizon(journal.settledHead(LOCK_WAIT), null, false);
    }

    private Batch linkUpTo(long horizon) {
        if (!locked()) {
            return new Batch(0, null, null);
        }
        Link previous = head();
        String tampering = belowPublished(previous);
        if (tampering == null) {
            tampering = brokenHead(previous);
        }
        if (tampering != null) {
            return new Batch(0, previous, tampering);
        }
        List<StoredEvent> events = journal.stored(previous.globalIndex(), horizon, BATCH);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> links = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            if (!appended.unchanged(event)) {
                tampering = "altered before it was sealed: " + event.describe() + " is not what this instance appended; "
                        + "it is left unchained";
                break;
            }
            Link link = new Link(event.globalIndex(), previous.globalIndex(), ChainHash.next(previous.hash(), event));
            links.add(new Object[]{link.globalIndex(), link.previousIndex(), link.hash(), now});
            previous = link;
        }
        batch.batchUpdate("insert into event_chain (global_index, previous_index, hash, chained_at) values (?, ?, ?, ?)", links);
        return new Batch(links.size(), previous, tampering);
    }

    /** Links missing or changed at or below the head already published; null if there are none. */
    private String belowPublished(Link head) {
        ChainDigest kept = published().orElse(null);
        if (kept == null) {
            return null;
        }
        if (head.globalIndex() < kept.position()) {
            return "links missing: the chain ends at global index " + head.globalIndex() + ", below the head already published at "
                    + kept.position() + " (" + kept + "); links were deleted from it";
        }
        String now = head.globalIndex() == kept.position() ? head.hash() : hashAt(kept.position());
        if (now == null) {
            return "links missing: no link at global index " + kept.position() + ", where the head was published (" + kept + ")";
        }
        if (!now.equals(kept.headHash())) {
            return "links changed: the link at global index " + kept.position() + " has the hash " + now + ", the head published there "
                    + "had " + kept.headHash() + "; the chain was rewritten at or before it";
        }
        return null;
    }

    /** The link the chain goes on from must still hash from its event and the link before it; null if it does. */
    private String brokenHead(Link head) {
        if (head.globalIndex() == 0) {
            return null;
        }
        String before = head.previousIndex() == 0 ? ChainHash.GENESIS : hashAt(head.previousIndex());
        if (before == null) {
            return "deleted: the link at global index " + head.previousIndex() + ", which the chain's head follows, is gone";
        }
        Optional<StoredEvent> event = journal.stored(head.globalIndex() - 1, head.globalIndex(), 1).stream().findFirst();
        if (event.isEmpty()) {
            return "deleted: expected an event at global index " + head.globalIndex() + "; its link is the chain's head, the event is gone";
        }
        if (!ChainHash.next(before, event.get()).equals(head.hash())) {
            return "altered: " + event.get().describe() + " no longer hashes to its link in the chain";
        }
        return null;
    }

    /** Events this instance appended that another instance chained: each must be what was appended. */
    private void checkChainedElsewhere() {
        Collection<String> unchecked = appended.unchecked();
        if (unchecked.isEmpty()) {
            return;
        }
        for (StoredEvent event : journal.chained(unchecked)) {
            if (!appended.unchanged(event)) {
                alarm.raise("altered before it was sealed: " + event.describe() + " was chained otherwise than this instance appended it");
            }
        }
    }

    /** The head {@code GET /audit/digest} showed, or another instance linked: the chain may not go below it. */
    synchronized void publish(ChainDigest head) {
        if (published == null || head.position() > published.position()) {
            published = head;
        }
    }

    synchronized Optional<ChainDigest> published() {
        return Optional.ofNullable(published);
    }

    /** After an administrator resumed the chain, here or on another instance: it goes on from the chain as it is now. */
    synchronized void resume() {
        published = null;
    }

    private Link head() {
        return jdbc.sql("select global_index, previous_index, hash from event_chain order by global_index desc limit 1")
                .query((rs, row) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElse(new Link(0, 0, ChainHash.GENESIS));
    }

    private String hashAt(long globalIndex) {
        return jdbc.sql("select hash from event_chain where global_index = ?").param(globalIndex).query(String.class).optional().orElse(null);
    }

    private boolean locked() {
        return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
    }
}
