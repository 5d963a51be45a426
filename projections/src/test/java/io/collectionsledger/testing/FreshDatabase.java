package io.collectionsledger.testing;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL database of this test run's own, on the real server (PGHOST, PGPORT, PGUSER;
 * default 127.0.0.1:5432 as postgres), created on first use and dropped when the JVM exits.
 */
public final class FreshDatabase {

    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");
    private static final String USER = env("PGUSER", "postgres");
    private static final String PASSWORD = env("PGPASSWORD", "");
    private static String name;

    private FreshDatabase() {
    }

    /** The run's shared database. */
    public static synchronized String url() {
        if (name == null) {
            name = create();
        }
        return urlOf(name);
    }

    /** Another database of this run's own, for a test that must not share one. */
    public static String another() {
        return urlOf(create());
    }

    private static String create() {
        String database = "ledger_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
        execute("create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + database + " with (force)")));
        return database;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** The shared database with every read model's tables, as Flyway makes them; migrating again changes nothing. */
    public static DataSource withReadModels() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        return dataSource;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(urlOf("postgres"), USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql
                    + " (run deploy/local/prepare.sh)", e);
        }
    }

    private static String urlOf(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
