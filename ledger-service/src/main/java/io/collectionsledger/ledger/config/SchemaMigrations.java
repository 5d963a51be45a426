package io.collectionsledger.ledger.config;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each module's migrations keep a history of their own: the ledger's (V1..V99, in
 * {@code flyway_schema_history}, as Spring Boot configures Flyway) and the read models' (V100 and up,
 * in {@value #READ_MODEL_HISTORY}). A module's next migration then applies in order whatever the
 * other module has applied, without Flyway's out-of-order mode, whose runs depend on what a database
 * happened to have.
 * <p>
 * A database both modules migrated through one history (before the histories were split) is taken
 * over at the next start: the read models' rows move to their own history as they were recorded, so
 * nothing runs again and Flyway still validates every applied script's checksum.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    static final String READ_MODEL_LOCATION = "classpath:db/migration/projections";
    static final String READ_MODEL_HISTORY = "flyway_schema_history_projections";
    /** The first version of the read models' migrations; below it, the ledger's. */
    private static final int FIRST_READ_MODEL_VERSION = 100;

    private final DataSourceProperties dataSource;
    /** The ledger's Flyway as Spring Boot configured it, whose settings (class loader, encoding...) the read models' runs take. */
    private final ObjectProvider<Flyway> flyway;

    SchemaMigrations(DataSourceProperties dataSource, ObjectProvider<Flyway> flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    @Bean
    FlywayMigrationStrategy eachModuleWithAHistoryOfItsOwn() {
        return ledger -> {
            Configuration configuration = ledger.getConfiguration();
            takeOverSharedHistory(configuration);
            ledger.migrate();
            // On a new database the ledger's tables are there by now, so Flyway would take the schema for one
            // it does not know; the read models' history starts with a baseline below their first version instead.
            Flyway.configure().configuration(configuration)
                    .locations(READ_MODEL_LOCATION).table(READ_MODEL_HISTORY)
                    .baselineOnMigrate(true).baselineVersion(String.valueOf(FIRST_READ_MODEL_VERSION - 1))
                    .baselineDescription("ledger migrations, below, have a history of their own")
                    .load().migrate();
        };
    }

    /** Moves the read models' rows out of a history both modules shared, once; instances starting together queue on the lock. */
    private static void takeOverSharedHistory(Configuration configuration) {
        String shared = configuration.getTable();
        JdbcClient jdbc = JdbcClient.create(configuration.getDataSource());
        new TransactionTemplate(new DataSourceTransactionManager(configuration.getDataSource())).executeWithoutResult(status -> {
            if (jdbc.sql("select to_regclass(?) is null").param(shared).query(Boolean.class).single()) {
                return;   // a new database: Flyway makes both histories
            }
            jdbc.sql("lock table " + shared + " in exclusive mode").update();
            boolean taken = !jdbc.sql("select to_regclass(?) is null").param(READ_MODEL_HISTORY).query(Boolean.class).single();
            if (taken) {
                return;
            }
            jdbc.sql("create table " + READ_MODEL_HISTORY + " (like " + shared + " including all)").update();
            String readModelRows = " from " + shared + " where version ~ '^[0-9]+$' and version::numeric >= " + FIRST_READ_MODEL_VERSION;
            jdbc.sql("insert into " + READ_MODEL_HISTORY + " select row_number() over (order by installed_rank), version, description,"
                    + " type, script, checksum, installed_by, installed_on, execution_time, success" + readModelRows).update();
            jdbc.sql("delete" + readModelRows).update();
        });
    }

    /**
     * Makes every read model's tables in a new schema of their own, with the read models' migrations
     * and a history of its own there: how a rebuild gets tables that are the read models' as Flyway
     * defines them. The connection sees that schema alone (its search path), so that a migration
     * finds nothing else by name: V150's deletion of the statement's tokens finds no token table.
     */
    public void readModelsInto(String schema) {
        String url = dataSource.determineUrl();
        Flyway.configure().configuration(flyway.getObject().getConfiguration())
                .dataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, dataSource.determineUsername(),
                        dataSource.determinePassword())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations(READ_MODEL_LOCATION).table(READ_MODEL_HISTORY)
                .load().migrate();
    }
}
