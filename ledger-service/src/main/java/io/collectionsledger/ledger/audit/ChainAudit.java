package io.collectionsledger.ledger.audit;

import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.ledger.http.DatabaseUnavailable;
import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.verifier.ChainVerifier;
import io.collectionsledger.verifier.JournalRow;
import io.collectionsledger.verifier.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service verifies its whole chain itself, LEDGER_AUDIT_VERIFY_INTERVAL after the last
 * verification ended (default 30 s; and 10 s after start), with the auditor's own verifier: every event recomputed from
 * its stored bytes against its link, in one snapshot, and the chain's head against the head this
 * instance published, so a row rewritten with every later link rehashed is found too. What it
 * finds raises the {@link ChainAlarm}. One instance verifies at a time (an advisory lock); the
 * timer {@code ledger.audit.chain.verification} counts and times the verifications that ran. A
 * verification reads the whole journal: about 5 s, 2 s of them the service's CPU, per million events
 * on a 2-core machine. The journal only grows, so a fixed interval would end with the verification reading it
 * all the time, beside every request: the next one waits at least nine times as long as the last took, which
 * keeps verifying to a tenth of the time at any size (LEDGER_AUDIT_VERIFY_SHARE). A tampering below the head is
 * found within the interval, or ten times a verification, plus twice a verification. Being that long,
 * it reads without the requests' LEDGER_DATABASE_TIMEOUT: each statement and each answer may take up to
 * LEDGER_AUDIT_READ_TIMEOUT (default 10 min; see {@link Journal#readWhole}). A verification the database
 * ended or did not answer is one WARN line and the counter {@code ledger.audit.chain.verification.failures}:
 * until the next one succeeds, tampering goes unnoticed.
 */
@Component
class ChainAudit {

    private static final Logger log = LoggerFactory.getLogger(ChainAudit.class);
    /** Any constant that no other part of the ledger takes as an advisory lock ("ChainAud"). */
    private static final long LOCK = 0x436861696e417564L;

    private final Journal journal;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ChainAlarm alarm;
    private final Chainer chainer;
    private final Timer verifications;
    private final Counter failures;
    private final Duration readTimeout;
    private final VerificationPace pace;

    ChainAudit(Journal journal, JdbcClient jdbc, PlatformTransactionManager transactions, ChainAlarm alarm, Chainer chainer,
               MeterRegistry meters, @Value("${ledger.audit.read-timeout:PT10M}") Duration readTimeout,
               @Value("${ledger.audit.verify-share:0.1}") double share) {
        this.journal = journal;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.alarm = alarm;
        this.chainer = chainer;
        this.verifications = Timer.builder("ledger.audit.chain.verification")
                .description("Verifications of the whole hash chain by the service").register(meters);
        this.failures = Counter.builder("ledger.audit.chain.verification.failures")
                .description("Verifications of the hash chain that failed for the database: the chain was not verified").register(meters);
        this.readTimeout = readTimeout;
        this.pace = new VerificationPace(share);
    }

    @Scheduled(fixedDelayString = "${ledger.audit.verify-interval:PT30S}", initialDelayString = "${ledger.audit.verify-delay:PT10S}")
    void verifyTheWholeChain() {
        long started = System.nanoTime();
        if (!pace.due(started)) {
            return;
        }
        try {
            verify();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            failures.increment();
            log.warn("the hash chain was not verified, tampering goes unnoticed until a verification succeeds: {}", rootCause(e));
        } finally {
            pace.ran(started, System.nanoTime());
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + cause;
    }

    /** Verifies the chain unless its alarm is raised already or another instance is verifying it; the verdict, or null. */
    Verdict verify() {
        if (alarm.current().isPresent()) {
            return null;
        }
        // read before the snapshot is taken, so the snapshot holds this head
        List<ChainDigest> published = chainer.published().map(List::of).orElse(List.of());
        long started = System.nanoTime();
        Verdict verdict = snapshot.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return null;
            }
            journal.readWhole(readTimeout);
            try (Stream<JournalRow> rows = journal.chainRows()) {
                return ChainVerifier.verify(rows.iterator(), published);
            }
        });
        if (verdict == null) {
            return null;
        }
        verifications.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (!verdict.intact()) {
            alarm.raise(verdict.finding());
        }
        log.debug("hash chain verified in {} ms: {}", (System.nanoTime() - started) / 1_000_000, verdict.finding());
        return verdict;
    }
}
