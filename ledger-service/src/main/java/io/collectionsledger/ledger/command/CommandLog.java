package io.collectionsledger.ledger.command;

import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.ledger.config.LedgerProperties;
import io.collectionsledger.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The commands already recorded, per client and command id, within the retention window. */
@Component
class CommandLog {

    private static final Logger log = LoggerFactory.getLogger(CommandLog.class);
    private static final int FORGET_AT_ONCE = 10_000;

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Clock clock;
    private final LedgerProperties properties;

    CommandLog(JdbcClient jdbc, Journal journal, Clock clock, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
        this.properties = properties;
    }

    /** A command about to run, under the fingerprint of its body. */
    record Claim(CommandContext context, Object command, String customerId, String fingerprint) {
    }

    /** A command that ran: the account's version after it, whose event gives the position. */
    record Completion(CommandContext context, String customerId, long version) {
    }

    /**
     * Claims the commands' ids for this transaction in one statement, and returns, per claim in
     * order, the answer already given for it or empty when this transaction runs it. A concurrent
     * claim of the same id waits here until the first transaction ends, so of many simultaneous
     * retries exactly one runs the command and the others read its answer.
     */
    List<Optional<CommandAccepted>> claim(List<Claim> claims) {
        Set<Key> claimed = new HashSet<>(jdbc.sql("""
                        insert into command_log (client_id, command_id, fingerprint, command_type, customer_id, recorded_at)
                        select client_id, command_id, fingerprint, command_type, customer_id, ?
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as c(client_id, command_id, fingerprint, command_type, customer_id)
                        on conflict (client_id, command_id) do nothing
                        returning client_id, command_id""")
                .params(Timestamp.from(clock.instant()),
                        column(claims, c -> c.context().clientId()), column(claims, c -> c.context().commandId()),
                        column(claims, Claim::fingerprint), column(claims, c -> c.command().getClass().getSimpleName()),
                        column(claims, Claim::customerId))
                .query((rs, row) -> new Key(rs.getString("client_id"), rs.getString("command_id")))
                .list());
        Map<Key, CommandAccepted> earlier = earlier(claims.stream().filter(claim -> !claimed.contains(Key.of(claim.context()))).toList());
        return claims.stream().map(claim -> Optional.ofNullable(earlier.get(Key.of(claim.context())))).toList();
    }

    /**
     * The answers already given to these claims, read in one statement; the first claim, in order,
     * whose body differs from the one recorded under its id is refused.
     */
    private Map<Key, CommandAccepted> earlier(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Map.of();
        }
        Map<Key, Recorded> recorded = new HashMap<>();
        jdbc.sql("""
                        select c.client_id, c.command_id, c.fingerprint, c.command_type, c.customer_id, c.version, c.position
                        from command_log c join unnest(?::text[], ?::text[]) as k(client_id, command_id) using (client_id, command_id)""")
                .params(column(claims, c -> c.context().clientId()), column(claims, c -> c.context().commandId()))
                .query(rs -> {
                    recorded.put(new Key(rs.getString("client_id"), rs.getString("command_id")),
                            new Recorded(rs.getString("fingerprint"), rs.getString("command_type"), rs.getString("customer_id"),
                                    rs.getLong("version"), rs.getLong("position")));
                });
        Map<Key, CommandAccepted> answers = new HashMap<>();
        for (Claim claim : claims) {
            CommandContext context = claim.context();
            Recorded earlier = recorded.get(Key.of(context));
            if (earlier == null) {
                throw new IllegalStateException("command " + context.commandId() + " was claimed and is no longer recorded");
            }
            if (!earlier.fingerprint().equals(claim.fingerprint())) {
                throw new IdempotencyKeyReused(context.commandId(), earlier.commandType());
            }
            answers.put(Key.of(context), new CommandAccepted(context.commandId(), earlier.customerId(), earlier.version(), earlier.position()));
        }
        return answers;
    }

    private record Recorded(String fingerprint, String commandType, String customerId, long version, long position) {
    }

    /**
     * Records each command's answer once its events are in the journal (in this transaction): the
     * version it left the account at and the position of that version's event, read from the journal
     * in one statement and written here in another.
     */
    List<CommandAccepted> complete(List<Completion> completions) {
        Map<Journal.AccountVersion, Long> positions = journal.positions(completions.stream()
                .map(c -> new Journal.AccountVersion(c.customerId(), c.version())).toList());
        List<CommandAccepted> accepted = completions.stream().map(c -> {
            Long position = positions.get(new Journal.AccountVersion(c.customerId(), c.version()));
            if (position == null) {
                throw new IllegalStateException("no event " + c.version() + " of " + c.customerId() + " for command " + c.context().commandId());
            }
            return new CommandAccepted(c.context().commandId(), c.customerId(), c.version(), position);
        }).toList();
        int recorded = jdbc.sql("""
                        update command_log c set version = v.version, position = v.position
                        from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[]) as v(client_id, command_id, version, position)
                        where c.client_id = v.client_id and c.command_id = v.command_id""")
                .params(column(completions, c -> c.context().clientId()), column(completions, c -> c.context().commandId()),
                        completions.stream().map(Completion::version).toArray(Long[]::new),
                        accepted.stream().map(CommandAccepted::position).toArray(Long[]::new))
                .update();
        if (recorded != completions.size()) {
            throw new IllegalStateException("of " + completions.size() + " commands claimed in this transaction only " + recorded
                    + " are still recorded");
        }
        return accepted;
    }

    /** A command's id, which is the client's own. */
    record Key(String clientId, String commandId) {
        static Key of(CommandContext context) {
            return new Key(context.clientId(), context.commandId());
        }
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /**
     * Past the retention window a command id may be used again; the events themselves are kept forever.
     * Forgotten {@value #FORGET_AT_ONCE} at a time: each statement stays well within LEDGER_DATABASE_TIMEOUT
     * however many commands an hour brought.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.idempotencyRetention()));
        int forgotten = 0;
        for (int batch = FORGET_AT_ONCE; batch == FORGET_AT_ONCE; forgotten += batch) {
            batch = jdbc.sql("""
                            delete from command_log where (client_id, command_id) in
                                (select client_id, command_id from command_log where recorded_at < ? limit ?)""")
                    .params(cutoff, FORGET_AT_ONCE).update();
        }
        if (forgotten > 0) {
            log.info("forgot {} command ids recorded before {}", forgotten, cutoff.toInstant());
        }
    }
}
