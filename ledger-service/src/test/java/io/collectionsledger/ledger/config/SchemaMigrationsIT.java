package io.collectionsledger.ledger.config;

import io.collectionsledger.ledger.FixtureDatabase;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that main 761bf8a migrated through one history for both modules (the fixture of
 * {@code src/test/resources/fixtures/main-761bf8a}, the README's tour and the demo customer) is taken
 * over by a history per module: every applied migration keeps its row as it was recorded, nothing
 * runs again, and the service starts on it without a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaMigrationsIT {

    /** A migration's row as Flyway recorded it when it ran; the rank is its place in its history. */
    private static final String ROWS = "select version, description, type, script, checksum, installed_by, installed_on::text,"
            + " execution_time, success from %s order by installed_rank";

    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aDatabaseMigratedThroughOneSharedHistoryGetsAHistoryPerModuleWithoutRunningAnythingAgain(CapturedOutput output) throws Exception {
        String database = FixtureDatabase.MAIN_761BF8A.restore();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, FreshDatabase.user(), FreshDatabase.password()));
        List<List<Object>> shared = rows(jdbc, "flyway_schema_history");
        assertThat(shared).hasSize(13);
        MovableClock clock = new MovableClock(FixtureDatabase.MAIN_761BF8A.clock());

        int startedAt = output.getOut().length();
        service = RunningService.start(database, clock);
        String start = output.getOut().substring(startedAt);

        List<List<Object>> ledger = rows(jdbc, "flyway_schema_history");
        List<List<Object>> readModels = rows(jdbc, SchemaMigrations.READ_MODEL_HISTORY);
        // each module's history starts with its rows of the shared one, as recorded, in their order;
        // what that build did not have yet runs after them, in order, once
        List<List<Object>> ledgerThen = shared.stream().filter(row -> version(row) < 100).toList();
        List<List<Object>> readModelsThen = shared.stream().filter(row -> version(row) >= 100).toList();
        assertThat(ledgerThen).extracting(row -> row.get(3)).containsExactly(
                "V1__event_store.sql", "V2__command_log.sql", "V3__event_chain.sql", "V4__close_of_day.sql", "V5__access_log.sql");
        assertThat(ledger.subList(0, ledgerThen.size())).isEqualTo(ledgerThen);
        assertThat(readModels.subList(0, readModelsThen.size())).isEqualTo(readModelsThen);
        assertThat(ledger.subList(ledgerThen.size(), ledger.size())).extracting(SchemaMigrationsIT::version)
                .isSorted().allMatch(version -> version > 5 && version < 100);
        assertThat(readModels.subList(readModelsThen.size(), readModels.size())).extracting(SchemaMigrationsIT::version)
                .isSorted().allMatch(version -> version > 131);
        assertThat(start).doesNotContain("outOfOrder", " WARN ");

        service.close();
        service = RunningService.start(database, clock);
        assertThat(rows(jdbc, "flyway_schema_history")).isEqualTo(ledger);
        assertThat(rows(jdbc, SchemaMigrations.READ_MODEL_HISTORY)).isEqualTo(readModels);
    }

    private static int version(List<Object> row) {
        return Integer.parseInt((String) row.get(0));
    }

    private static List<List<Object>> rows(JdbcClient jdbc, String history) {
        return jdbc.sql(ROWS.formatted(history)).query((row, number) -> {
            Object[] values = new Object[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getObject(i + 1);
            }
            return Arrays.asList(values);
        }).list();
    }
}
