package io.collectionsledger.ledger;

import io.collectionsledger.testing.FreshDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/**
 * A database written by an earlier build of the service, kept under {@code src/test/resources/fixtures/<name>/}
 * by {@code src/test/fixtures/make-fixture.sh}: its dump, the moment it stands for, and the answers that build gave.
 */
public record FixtureDatabase(Path directory) {

    /** Written by main 761bf8a: the README's tour and the demo customer. */
    public static final FixtureDatabase MAIN_761BF8A = new FixtureDatabase(Path.of("src/test/resources/fixtures/main-761bf8a"));

    /** The moment the fixture stands for: every event was recorded before it. */
    public Instant clock() throws IOException {
        return Instant.parse(Files.readString(directory.resolve("clock")).strip());
    }

    /** A database of the test's own holding the fixture's dump, schema and Flyway history included; its JDBC URL. */
    public String restore() throws IOException, SQLException {
        String database = FreshDatabase.another();
        String sql;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve("database.sql.gz")))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            connection.createStatement().execute(sql);
        }
        return database;
    }
}
