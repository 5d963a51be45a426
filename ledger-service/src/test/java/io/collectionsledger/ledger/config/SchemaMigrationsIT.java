package io.collectionsledger.ledger.config;

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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that main 761bf8a migrated through one history for both modules (the fixture of
 * {@code src/test/resources/fixtures/main-761bf8a}, the README's tour and the demo customer) is taken
 * over by a history per module: every applied migration keeps its row as it was recorded, nothing
 * runs again, and the service starts on it without a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaMigrationsIT {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/main-761bf8a");
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
        String database = restore(FIXTURE.resolve("database.sql.gz"));
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, FreshDatabase.user(), FreshDatabase.password()));
        List<List<Object>> shared = rows(jdbc, "flyway_schema_history");
        assertThat(shared).hasSize(13);
        MovableClock clock = new MovableClock(Instant.parse(Files.readString(FIXTURE.resolve("clock")).strip()));

        int startedAt = output.getOut().length();
        service = RunningService.start(database, clock);
        String start = output.getOut().substring(startedAt);

        List<List<Object>> ledger = rows(jdbc, "flyway_schema_history");
        List<List<Object>> readModels = rows(jdbc, SchemaMigrations.READ_MODEL_HISTORY);
        assertThat(ledger).extracting(row -> row.get(3)).containsExactly(
                "V1__event_store.sql", "V2__command_log.sql", "V3__event_chain.sql", "V4__close_of_day.sql", "V5__access_log.sql");
        assertThat(readModels).extracting(row -> (String) row.get(3)).allMatch(script -> script.matches("V1[0-9]{2}__.*"));
        assertThat(ledger.size() + readModels.size()).isEqualTo(shared.size());
        assertThat(shared).containsAll(ledger).containsAll(readModels);
        assertThat(start).contains("Schema \"public\" is up to date. No migration necessary.")
                .doesNotContain("Migrating schema", "outOfOrder", " WARN ");

        service.close();
        service = RunningService.start(database, clock);
        assertThat(rows(jdbc, "flyway_schema_history")).isEqualTo(ledger);
        assertThat(rows(jdbc, SchemaMigrations.READ_MODEL_HISTORY)).isEqualTo(readModels);
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

    /** A database of the test's own holding the fixture's dump, schema and Flyway history included. */
    private static String restore(Path dump) throws Exception {
        String database = FreshDatabase.another();
        String sql;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            connection.createStatement().execute(sql);
        }
        return database;
    }
}
