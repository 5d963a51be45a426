package io.collectionsledger.ledger.command;

import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.ledger.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The commands already recorded, per client and command id, within the retention window. */
@Component
class CommandLog {

    private static final Logger log = LoggerFactory.getLogger(CommandLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LedgerProperties properties;

    CommandLog(JdbcClient jdbc, Clock clock, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Claims the command id for this transaction, or returns the answer already given for it. A
     * concurrent claim of the same id waits here until the first transaction ends, so of many
     * simultaneous retries exactly one runs the command and the others read its answer.
     */
    Optional<CommandAccepted> claim(CommandContext context, Object command, String customerId, String fingerprint) {
        int claimed = jdbc.sql("""
                        insert into command_log (client_id, command_id, fingerprint, command_type, customer_id, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (client_id, command_id) do nothing""")
                .params(context.clientId(), context.commandId(), fingerprint, command.getClass().getSimpleName(),
                        customerId, Timestamp.from(clock.instant()))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select fingerprint, command_type, customer_id, version, position
                        from command_log where client_id = ? and command_id = ?""")
                .params(context.clientId(), context.commandId())
                .query((rs, row) -> {
                    if (!rs.getString("fingerprint").equals(fingerprint)) {
                        throw new IdempotencyKeyReused(context.commandId(), rs.getString("command_type"));
                    }
                    return new CommandAccepted(context.commandId(), rs.getString("customer_id"),
                            rs.getLong("version"), rs.getLong("position"));
                })
                .single());
    }

    void complete(CommandContext context, CommandAccepted accepted) {
        jdbc.sql("update command_log set version = ?, position = ? where client_id = ? and command_id = ?")
                .params(accepted.version(), accepted.position(), context.clientId(), context.commandId())
                .update();
    }

    /** Past the retention window a command id may be used again; the events themselves are kept forever. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.idempotencyRetention()));
        int forgotten = jdbc.sql("delete from command_log where recorded_at < ?").param(cutoff).update();
        if (forgotten > 0) {
            log.info("forgot {} command ids recorded before {}", forgotten, cutoff.toInstant());
        }
    }
}
