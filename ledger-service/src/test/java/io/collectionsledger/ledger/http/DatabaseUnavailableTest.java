package io.collectionsledger.ledger.http;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as the database being out of reach (503 database-unavailable), and what is another failure (500). */
class DatabaseUnavailableTest {

    @Test
    void noConnectionFromThePoolWithinTheTimeoutIsAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
    }

    @Test
    void aConnectionCutOrAServerShuttingDownOrAStatementOutOfTimeIsAnOutage() {
        for (String state : new String[]{"08006", "08003", "57P01", "57P03", "53300", "57014"}) {
            assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("JDBC commit", new SQLException("lost", state))))
                    .as(state).isTrue();
        }
    }

    @Test
    void aCommitCutOffWhoseRollbackFailedTooIsAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("JDBC commit", new SQLException("I/O error", "08006")));

        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
