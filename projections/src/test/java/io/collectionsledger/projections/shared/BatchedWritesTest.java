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

    private int count() {
        return jdbc.queryForObject("select count(*) from batched_writes_test", Integer.class);
    }
}
