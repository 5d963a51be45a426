package io.collectionsledger.projections.shared;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read model's row writes, collected for the batch of events its processor is handling and
 * written with one JDBC batch per statement when the batch commits (Axon's prepare-commit, in the
 * batch's transaction, before the token is committed with it). With {@code reWriteBatchedInserts}
 * on the connection, pgjdbc sends a statement's inserts as multi-row inserts. Replaying the journal
 * then costs a few round trips per batch of events rather than one per row.
 * <p>
 * Pending rows are written statement by statement, in the order the read model declared its
 * statements: a statement may depend on the rows of statements declared before it (an update
 * after the insert of its row), never on those of a statement declared after it, and the rows of
 * one statement must not depend on each other's order unless that order is the events' (rows of
 * one statement keep the order they were added in). A statement that reads what the read model
 * wrote (an update found by a key another event inserted, an insert from a select) either is
 * declared after what it reads, or goes through {@link #now}, which writes what is pending first.
 * <p>
 * The rows of an insert of one row without a table to read, an upsert of one row by its key, and an
 * update of rows by their key are written with one statement taking each parameter as an array
 * ({@link ArrayStatement}): such rows read nothing but the row they write, so they need not go one by
 * one (an upsert's and an update's in rounds, a key's rows each in a later round). The rows of
 * every other statement go as a JDBC batch, one by one in the database.
 * <p>
 * Outside a unit of work (a handler called directly, as the read models' tests do) every row is
 * written at once.
 */
public final class BatchedWrites {

    /** Rows a round of an upsert or an update must hold on average for its rows to be written from arrays rather than as a JDBC batch. */
    private static final int ROWS_A_ROUND = 4;

    private final JdbcOperations jdbc;
    private final List<Statement> statements = new ArrayList<>();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** One per instance: read models sharing a unit of work keep their rows apart. */
    private final String resourceKey = BatchedWrites.class.getName() + "#" + INSTANCES.incrementAndGet();

    public BatchedWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Declares a statement; declare them in the order they must be written. */
    public Statement statement(String sql) {
        Statement statement = new Statement(statements.size(), sql, null);
        statements.add(statement);
        return statement;
    }

    /**
     * Declares a statement that reads all the rows added to it in the batch at once, as a table
     * {@code input} with these columns (each a name and a type, {@code "customer_id text"}, in the
     * order of the rows' values) and {@code row_number} (the order the rows were added in); written
     * as one statement over all of them. Only for a statement whose rows do not read what the
     * statement itself writes: each row sees the rows of the statements declared before it, none of
     * its own statement's.
     */
    public Statement statementOverInput(String sql, String... columns) {
        Statement statement = new Statement(statements.size(), null, ArrayStatement.overInput(sql, List.of(columns)));
        statements.add(statement);
        return statement;
    }

    /** Writes what is pending in this unit of work, then runs the statement: for a statement that reads the read model's rows. */
    public int now(String sql, Object... args) {
        Pending pending = pending();
        if (pending != null) {
            pending.flush();
        }
        return jdbc.update(sql, args);
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending pending = new Pending();
            unitOfWork.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /** One SQL statement of the read model, with the rows added to it in the current unit of work. */
    public final class Statement {

        private final int order;
        /** The statement of one row; null for a statement over its input, which has only {@link #arrays}. */
        private final String sql;
        /** The statement for arrays, once the database has told the parameters' types; empty when the statement has none. */
        private volatile Optional<ArrayStatement> arrays;

        private Statement(int order, String sql, ArrayStatement overInput) {
            this.order = order;
            this.sql = sql;
            this.arrays = overInput == null ? null : Optional.of(overInput);
        }

        /** Adds a row: its parameters, in the statement's order. */
        public void add(Object... args) {
            Pending pending = pending();
            if (pending == null) {
                write(Collections.singletonList(args));
            } else {
                pending.rows.get(order).add(args);
            }
        }

        /**
         * The rows, in the order they were added: in statements over arrays when it is a statement
         * {@link ArrayStatement#rewrite} takes or a statement over its input, as a JDBC batch otherwise.
         */
        private void write(List<Object[]> rows) {
            if (sql == null) {
                ArrayStatement overInput = arrays.orElseThrow();
                jdbc.update(overInput.sql(), overInput.arrays(rows)
                        .orElseThrow(() -> new IllegalArgumentException("a value of a type not written from text in " + overInput.sql())));
                return;
            }
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
                return;
            }
            Optional<ArrayStatement> arrayed = arrayStatement();
            List<List<Object[]>> rounds = arrayed.map(statement -> statement.rounds(rows)).orElse(List.of());
            // a key written in most rows again: rounds of a row or two, no fewer statements than rows
            if (arrayed.isEmpty() || rounds.size() > 1 && rounds.size() * ROWS_A_ROUND > rows.size()) {
                jdbc.batchUpdate(sql, rows);
                return;
            }
            List<Object[]> columns = new ArrayList<>();
            for (List<Object[]> round : rounds) {
                Optional<Object[]> arrays = arrayed.get().arrays(round);
                if (arrays.isEmpty()) {
                    jdbc.batchUpdate(sql, rows);
                    return;
                }
                columns.add(arrays.get());
            }
            columns.forEach(arrays -> jdbc.update(arrayed.get().sql(), arrays));
        }

        private Optional<ArrayStatement> arrayStatement() {
            Optional<ArrayStatement> known = arrays;
            if (known == null) {
                known = ArrayStatement.rewrite(sql, parameterTypes());
                arrays = known;
            }
            return known;
        }

        /** The parameters' types as the database infers them from the statement (a describe, without running it). */
        private List<String> parameterTypes() {
            return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    ParameterMetaData parameters = statement.getParameterMetaData();
                    List<String> types = new ArrayList<>();
                    for (int p = 1; p <= parameters.getParameterCount(); p++) {
                        types.add(parameters.getParameterTypeName(p));
                    }
                    return types;
                }
            });
        }
    }

    /** The rows of each statement, by the statement's order. */
    private final class Pending {

        private final List<List<Object[]>> rows = new ArrayList<>();

        private Pending() {
            statements.forEach(statement -> rows.add(new ArrayList<>()));
        }

        void flush() {
            for (Statement statement : statements) {
                List<Object[]> batch = rows.get(statement.order);
                if (!batch.isEmpty()) {
                    statement.write(batch);
                    batch.clear();
                }
            }
        }
    }
}
