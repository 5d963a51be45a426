package io.collectionsledger.projections.shared;

import io.collectionsledger.testing.FreshDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedWritesTest {

    private JdbcTemplate jdbc;
    private BatchedWrites writes;
    private BatchedWrites.Statement inserts;
    private BatchedWrites.Statement additions;

    @BeforeEach
    void table() {
        // after Flyway's history exists: the read models' tests migrate the same database
        jdbc = new JdbcTemplate(FreshDatabase.withReadModels());
        jdbc.execute("create table batched_writes_test (id text primary key, total int not null)");
        writes = new BatchedWrites(jdbc);
        inserts = writes.statement("insert into batched_writes_test (id, total) values (?, ?)");
        additions = writes.statement("update batched_writes_test set total = total + ? where id = ?");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("drop table batched_writes_test");
        jdbc.execute("drop table if exists batched_writes_values");
    }

    @Test
    void rowsWaitForTheEndOfTheBatchAndAreWrittenInTheOrderTheStatementsWereDeclared() {
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"), GenericEventMessage.asEventMessage("b"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);

        // the task runs once per event, as a processor's handlers do
        batch.execute(() -> {
            if (CurrentUnitOfWork.get().getMessage().getPayload().equals("a")) {
                inserts.add("a", 1);
                batch.onPrepareCommit(u -> assertThat(count()).as("written before the batch commits").isEqualTo(2));
            } else {
                // an addition to a row an earlier event inserted, an insert, an addition to the row just inserted
                additions.add(10, "a");
                inserts.add("b", 2);
                additions.add(20, "b");
            }
            assertThat(count()).isZero();
        });

        assertThat(jdbc.queryForList("select id || '=' || total from batched_writes_test order by id", String.class))
                .containsExactly("a=11", "b=22");
    }

    @Test
    void aStatementRunNowSeesWhatWasPending() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("one")));

        batch.execute(() -> {
            inserts.add("a", 1);
            assertThat(writes.now("update batched_writes_test set total = total * 5 where id = ?", "a")).isEqualTo(1);
            additions.add(1, "a");
        });

        assertThat(jdbc.queryForObject("select total from batched_writes_test where id = 'a'", Integer.class)).isEqualTo(6);
    }

    @Test
    void outsideAUnitOfWorkRowsAreWrittenAtOnce() {
        inserts.add("a", 1);

        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anInsertFromValuesWritesTheBatchsRowsInOneStatementWithTheValuesARowByRowInsertWrites() {
        jdbc.execute("""
                create table batched_writes_values (batched boolean, n int, name text, folded text, amount numeric, day date,
                                                    at timestamptz, ids text[], doc jsonb, big bigint)""");
        BatchedWrites values = new BatchedWrites(new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                throw new AssertionError("written row by row: " + sql);
            }
        });
        BatchedWrites.Statement insert = values.statement("""
                insert into batched_writes_values (batched, n, name, folded, amount, day, at, ids, doc, big)
                values (?, ?, ?, lower(?), ?, ?, ?, ?, cast(? as jsonb), ?)""");
        List<Object[]> rows = List.of(
                new Object[]{1, "Acme, \"Ltd\" {x} \\ NULL", "ÄÖ Acme", new BigDecimal("1250.50"), LocalDate.of(2026, 3, 31),
                        Timestamp.from(Instant.parse("2026-03-31T23:59:59.123456Z")), new String[]{"INV-1", "a,b", "", "NULL"},
                        "{\"k\": [1, \"two\"]}", 9_000_000_000L},
                new Object[]{2, "NULL", null, new BigDecimal("-0.000"), null, null, new String[0], null, null},
                new Object[]{3, "", "'quoted'", new BigDecimal("1E+3"), LocalDate.of(2026, 1, 1),
                        Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")), null, "null", 0L});
        rows.forEach(row -> insert.add(with(false, row)));

        new BatchingUnitOfWork<>(List.<EventMessage<?>>of(GenericEventMessage.asEventMessage("batch")))
                .execute(() -> rows.forEach(row -> insert.add(with(true, row))));

        String written = """
                select n, name, folded, amount::text, day::text, at::text, ids::text, doc::text, big from batched_writes_values
                where batched = ? order by n""";
        assertThat(jdbc.queryForList(written, true)).hasSize(3).isEqualTo(jdbc.queryForList(written, false));
    }

    @Test
    void aStatementOverItsInputReadsTheBatchsRowsAsATableAfterTheStatementsDeclaredBeforeIt() {
        BatchedWrites.Statement doubled = writes.statementOverInput("""
                insert into batched_writes_test (id, total)
                select i.id || '-doubled-' || i.row_number, 2 * t.total + i.extra from input i join batched_writes_test t on t.id = i.id""",
                "id text", "extra int4");
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("one")));

        batch.execute(() -> {
            doubled.add("a", 1);
            doubled.add("b", 0);
            inserts.add("a", 10);
            inserts.add("b", 20);
        });

        assertThat(jdbc.queryForList("select id || '=' || total from batched_writes_test order by id", String.class))
                .containsExactly("a=10", "a-doubled-1=21", "b=20", "b-doubled-2=40");
    }

    @Test
    void upsertsAndUpdatesByKeyAreWrittenFromArraysARoundAtATimeAsTheyWouldBeRowByRow() {
        BatchedWrites arrays = new BatchedWrites(new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                throw new AssertionError("written row by row: " + sql);
            }
        });
        BatchedWrites.Statement upserts = arrays.statement("""
                insert into batched_writes_test as t (id, total) select ?, cast(? as int)
                on conflict (id) do update set total = t.total * 10 + excluded.total""");
        BatchedWrites.Statement doublings = arrays.statement("update batched_writes_test set total = total * 2 + ? where id = ?");
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("one")));

        // twelve keys, each upserted three times and doubled twice: three rounds of twelve rows, two of twelve
        batch.execute(() -> {
            for (int round = 1; round <= 3; round++) {
                for (int key = 0; key < 12; key++) {
                    upserts.add("k" + key, round);
                    if (round < 3) {
                        doublings.add(round, "k" + key);
                    }
                }
            }
        });

        // 1, then 1 * 10 + 2 = 12, then 12 * 10 + 3 = 123; doubled plus one, then doubled plus two
        assertThat(jdbc.queryForList("select distinct total from batched_writes_test", Integer.class)).containsExactly((123 * 2 + 1) * 2 + 2);
        assertThat(count()).isEqualTo(12);
    }

    @Test
    void onlyStatementsWritingRowsTheyDoNotReadAreWrittenFromArrays() {
        List<String> types = List.of("text", "int4");

        assertThat(ArrayStatement.rewrite("insert into t (id, total) values (?, ?)", types)).isPresent();
        assertThat(ArrayStatement.rewrite("insert into t (id, total) values (?, ?) on conflict do nothing", types)).isPresent();
        assertThat(ArrayStatement.rewrite("insert into t as t (id, total) select ?, ? on conflict (id) do update set total = t.total + excluded.total",
                types)).isPresent();
        assertThat(ArrayStatement.rewrite("update t set total = total + ? where id = ?", List.of("int4", "text"))).isPresent();
        assertThat(ArrayStatement.rewrite("insert into t (id, total) values (?, ?) on conflict do update set total = 0", types)).isEmpty();
        assertThat(ArrayStatement.rewrite("insert into t (id, total) values (?, 1) on conflict (id) do update set total = ?", types)).isEmpty();
        assertThat(ArrayStatement.rewrite("insert into t (id, total) select ?, ? from t", types)).isEmpty();
        assertThat(ArrayStatement.rewrite("update t set total = ? where id > ?", List.of("int4", "text"))).isEmpty();
        assertThat(ArrayStatement.rewrite("insert into t (id, total) values (?, ?)", List.of("text", "point"))).isEmpty();
    }

    private static Object[] with(boolean batched, Object[] row) {
        Object[] args = new Object[row.length + 1];
        args[0] = batched;
        System.arraycopy(row, 0, args, 1, row.length);
        return args;
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from batched_writes_test", Integer.class);
    }
}
