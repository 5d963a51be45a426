package io.collectionsledger.ledger.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * A request that could not reach the database, or got no answer from it within
 * LEDGER_DATABASE_TIMEOUT: answered 503 {@code database-unavailable} with {@code Retry-After},
 * never 500. The database may have committed a command whose answer was lost on the way back
 * (the connection was cut during the commit), so the problem says how to find out: send the same
 * command again with the same Idempotency-Key, and a command that was recorded answers as it did
 * the first time.
 */
public final class DatabaseUnavailable {

    /** Seconds: a cut connection is noticed at once and a database back in service is used again within them. */
    public static final String RETRY_AFTER = "2";

    /**
     * PostgreSQL's SQL states for a connection that failed or was refused (class 08), a server
     * shutting down or starting (57P01-57P03), too many connections (53300), and a statement ended
     * by {@code statement_timeout} (57014).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything that caused it, is the database being out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // the pool's "no connection within the timeout", whatever the last attempt's state was
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unreachable(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
            // a commit cut off, then the rollback Spring tries after it failed too: the commit's failure is kept aside
            if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
                    && causedBy(transaction.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }

    /**
     * Hikari's answer on a connection it has found broken (after an I/O error on it) and closed: what
     * the transaction does next on it, such as the rollback after a failed commit, fails with this.
     */
    private static boolean closedByThePool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the ledger could not reach its database, or had no answer from it in time; send the request again after "
                        + "Retry-After seconds: a command sent again with the same Idempotency-Key is recorded once, and one "
                        + "already recorded answers as it did the first time (Idempotent-Replayed)");
    }
}
