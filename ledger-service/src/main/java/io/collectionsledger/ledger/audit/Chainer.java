package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends the hash chain over events already committed, every LEDGER_AUDIT_CHAIN_INTERVAL
 * (default 1 s), so writers never wait for it and never contend on a chain head.
 *
 * <p>The chain must never skip an event that commits later with a lower global index (identity
 * values are taken at insert, in one order, and committed in another). So each run first finds a
 * horizon: under a SHARE lock on the journal, which waits for the transactions that are
 * appending right then and holds new appends back for that instant only, every global index up to
 * the highest one visible is final. The lock is released at once; the events up to the horizon
 * are then chained in transactions of {@value #BATCH}. Global indexes that a rolled-back append
 * consumed are never filled, and the chain simply goes from one stored event to the next.
 *
 * <p>One instance chains at a time (a transaction-scoped advisory lock); the primary key of
 * event_chain would refuse a second chainer's links anyway. When nothing was appended, a run is
 * two index lookups and takes no lock on the journal.
 */
@Component
class Chainer {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);
    /** Any constant that no other part of the ledger takes as an advisory lock ("Chainer!"). */
    private static final long LOCK = 0x436861696e657221L;
    static final int BATCH = 10_000;

    /** Appends holding the journal longer than this leave the chaining to the next run, rather than queue behind the lock. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(200);

    private final Journal journal;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Chainer(Journal journal, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Link(long globalIndex, String hash) {
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:PT1S}", initialDelayString = "${ledger.audit.chain-interval:PT1S}")
    void chainNewEvents() {
        chain();
    }

    /** Chains every event committed before this call; returns how many. */
    int chain() {
        Long horizon;
        try {
            horizon = transaction.execute(status -> horizon());
        } catch (PessimisticLockingFailureException busy) {
            log.debug("appends held the journal longer than the chainer waits; chaining on the next run");
            return 0;
        }
        if (horizon == null) {
            return 0;
        }
        int chained = 0;
        int linked;
        do {
            linked = transaction.execute(status -> linkUpTo(horizon));
            chained += linked;
        } while (linked == BATCH);
        log.debug("chained {} events through global index {}", chained, horizon);
        return chained;
    }

    /** The highest global index below which no append can still commit, or null if there is nothing to chain. */
    private Long horizon() {
        if (!locked()) {
            return null;
        }
        if (journal.head() <= head().globalIndex()) {
            return null;
        }
        return journal.settledHead(LOCK_WAIT);
    }

    private int linkUpTo(long horizon) {
        if (!locked()) {
            return 0;
        }
        Link previous = head();
        List<StoredEvent> events = journal.stored(previous.globalIndex(), horizon, BATCH);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> links = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            Link link = new Link(event.globalIndex(), ChainHash.next(previous.hash(), event));
            links.add(new Object[]{link.globalIndex(), previous.globalIndex(), link.hash(), now});
            previous = link;
        }
        batch.batchUpdate("insert into event_chain (global_index, previous_index, hash, chained_at) values (?, ?, ?, ?)", links);
        return events.size();
    }

    private Link head() {
        return jdbc.sql("select global_index, hash from event_chain order by global_index desc limit 1")
                .query((rs, row) -> new Link(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Link(0, ChainHash.GENESIS));
    }

    private boolean locked() {
        return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
    }
}
