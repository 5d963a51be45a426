package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who saw what: every read by an auditor or an analyst (history, exports, reports), with when,
 * what exactly (path and query), in which format and how it was answered.
 */
@Component
public class AccessLog {

    /** The roles whose reads are remembered: they may see everything, so what they saw is itself a fact. */
    static final List<String> WATCHED_ROLES = List.of(Role.auditor.name(), Role.analyst.name());

    public record Access(long id, Instant at, String principal, String clientId, String roles, String method, String path,
                         String query, String format, int status, String correlationId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** A row of its own, committed before the answer leaves, even from within the read-only transaction an export streams in. */
    private final TransactionTemplate ownTransaction;

    AccessLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void record(Caller caller, String method, String path, String query, String format, int status, String correlationId) {
        ownTransaction.executeWithoutResult(transaction -> jdbc.sql("""
                        insert into access_log (at, principal, client_id, roles, method, path, query, format, status, correlation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), caller.principal(), caller.clientId(), String.join(",", caller.roles()),
                        method, path, query, format, status, correlationId)
                .update());
    }

    /** Reads in the order they happened, from the one after {@code after}, optionally of one principal and in a period. */
    public List<Access> find(String principal, Instant from, Instant to, long after, int limit) {
        return jdbc.sql("""
                        select * from access_log
                        where id > :after and (cast(:principal as text) is null or principal = :principal)
                          and (cast(:from as timestamptz) is null or at >= :from) and (cast(:to as timestamptz) is null or at < :to)
                        order by id limit :limit""")
                .param("after", after).param("principal", principal)
                .param("from", from == null ? null : Timestamp.from(from)).param("to", to == null ? null : Timestamp.from(to))
                .param("limit", limit)
                .query((rs, row) -> new Access(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("principal"),
                        rs.getString("client_id"), rs.getString("roles"), rs.getString("method"), rs.getString("path"),
                        rs.getString("query"), rs.getString("format"), rs.getInt("status"), rs.getString("correlation_id")))
                .list();
    }
}
