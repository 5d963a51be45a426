package io.collectionsledger.ledger.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The alarm the hash chain raises when it finds tampering, and every way it is told: an ERROR log
 * line with the finding, the gauge {@code ledger.audit.chain.tampered} (1 while raised; alert on
 * it), the health component {@code audit} DOWN (not part of readiness: the ledger goes on serving
 * while the chain is looked into), and {@code GET /audit/digest}. While it is raised no instance
 * extends the chain; it stays raised, across instances and restarts (table {@code chain_alarm}),
 * until an administrator resumes the chain ({@code POST /admin/audit/chain/resume}).
 *
 * <p>Each instance keeps what it raised or saw raised in memory too, so that deleting the alarm's
 * row silences nothing: the instance raises it again.
 */
@Component("auditHealthIndicator")
public class ChainAlarm implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ChainAlarm.class);

    /** What was found, when, and by which instance. */
    public record Alarm(long id, String finding, Instant raisedAt, String raisedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private volatile Alarm raised;
    /** The last alarm seen resumed. */
    private long lastResumed;

    ChainAlarm(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("ledger.audit.chain.tampered", this, alarm -> alarm.raised == null ? 0 : 1)
                .description("1 while the hash chain's alarm is raised: tampering was found and the chain is not extended")
                .register(meters);
    }

    /** Raises the alarm with what was found, unless it is raised already. */
    synchronized void raise(String finding) {
        if (raised != null) {
            return;
        }
        raised = record(finding, clock.instant());
        log.error("hash chain tampered: {}. The chain is no longer extended until an administrator resumes it "
                + "(POST /admin/audit/chain/resume)", finding);
    }

    private Alarm record(String finding, Instant at) {
        long id = jdbc.sql("insert into chain_alarm (raised_at, raised_by, finding) values (?, ?, ?) returning id")
                .params(Timestamp.from(at), instance, finding).query(Long.class).single();
        return new Alarm(id, finding, at, instance);
    }

    /** An alarm as recorded, with who resumed it (null while it is raised). */
    private record Recorded(Alarm alarm, String resumedBy) {
    }

    /**
     * Takes up an alarm another instance raised, and lets go of one resumed on another instance.
     *
     * @return whether the chain was resumed, here or elsewhere, since the last call: the chainer then goes on from the chain as it is
     */
    synchronized boolean refresh() {
        Optional<Recorded> latest = jdbc.sql("select id, finding, raised_at, raised_by, resumed_by from chain_alarm order by id desc limit 1")
                .query((rs, row) -> new Recorded(new Alarm(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                        rs.getString(5)))
                .optional();
        if (raised != null && (latest.isEmpty() || latest.get().alarm().id() < raised.id())) {
            Alarm deleted = raised;
            raised = record(deleted.finding() + " (raised again: the alarm's record was deleted)", deleted.raisedAt());
            log.error("hash chain: the record of the alarm raised at {} was deleted; raised again: {}", deleted.raisedAt(), deleted.finding());
            return false;
        }
        if (latest.isEmpty()) {
            return false;
        }
        Recorded last = latest.get();
        if (last.resumedBy() == null) {
            if (raised == null) {
                raised = last.alarm();
                log.error("hash chain tampered (found by {}): {}", raised.raisedBy(), raised.finding());
            }
            return false;
        }
        if (raised != null) {
            log.warn("hash chain resumed by {} on another instance, after: {}", last.resumedBy(), raised.finding());
            raised = null;
        }
        boolean resumed = last.alarm().id() > lastResumed;
        lastResumed = last.alarm().id();
        return resumed;
    }

    public Optional<Alarm> current() {
        return Optional.ofNullable(raised);
    }

    /** Resumes the chain: the alarm is kept as resumed by the principal; throws {@link NothingToResume} when none is raised. */
    synchronized Alarm resume(String principal) {
        Alarm resumed = jdbc.sql("""
                        update chain_alarm set resumed_at = ?, resumed_by = ? where resumed_at is null
                        returning id, finding, raised_at, raised_by""")
                .params(Timestamp.from(clock.instant()), principal)
                .query((rs, row) -> new Alarm(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list().stream().findFirst().orElse(raised);
        if (resumed == null) {
            throw new NothingToResume();
        }
        raised = null;
        lastResumed = Math.max(lastResumed, resumed.id());
        log.warn("hash chain resumed by {}, after: {}", principal, resumed.finding());
        return resumed;
    }

    @Override
    public Health health() {
        Alarm alarm = raised;
        return alarm == null ? Health.up().build()
                : Health.down().withDetail("finding", alarm.finding()).withDetail("raisedAt", alarm.raisedAt().toString()).build();
    }
}
