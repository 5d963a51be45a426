package io.collectionsledger.ledger.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * How long the ledger waits for its database: LEDGER_DATABASE_TIMEOUT (default 5 s) bounds each
 * way a request can wait on it, so that a database that is down or unreachable answers 503
 * {@code database-unavailable} in that time rather than holding the request for Hikari's 30 s
 * or the operating system's TCP timeouts (minutes):
 * <ul>
 *     <li>a connection from the pool (Hikari's {@code connectionTimeout}), and opening a new one
 *         (the driver's {@code connectTimeout} and {@code loginTimeout});</li>
 *     <li>an answer on a connection that went silent, a network cut without a reset
 *         ({@code socketTimeout});</li>
 *     <li>a statement that runs longer, e.g. behind a lock ({@code statement_timeout}, which the
 *         server ends cleanly, keeping the connection).</li>
 * </ul>
 * Flyway's migrations are the exception: one may rightly run for minutes on a large journal, so they
 * connect on their own, without those limits.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Applied to Spring Boot's pool before it opens its first connection. */
    @Bean
    static BeanPostProcessor databaseTimeouts(Environment environment) {
        Duration timeout = Binder.get(environment).bindOrCreate("ledger", LedgerProperties.class).databaseTimeout();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    limit(pool, timeout);
                }
                return bean;
            }
        };
    }

    private static void limit(HikariDataSource pool, Duration timeout) {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        pool.setConnectionTimeout(timeout.toMillis());
        // a pooled connection idle for a while is checked before use; a check that takes a fifth of the
        // whole wait has found a dead connection, and the pool tries the next one within the wait
        pool.setValidationTimeout(Math.max(250, timeout.toMillis() / 5));
        pool.addDataSourceProperty("connectTimeout", seconds);
        pool.addDataSourceProperty("loginTimeout", seconds);
        pool.addDataSourceProperty("socketTimeout", seconds);
        String options = pool.getDataSourceProperties().getProperty("options", "");
        pool.addDataSourceProperty("options", (options + " -c statement_timeout=" + timeout.toMillis()).trim());
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutRequestTimeouts(DataSourceProperties dataSource) {
        return flyway -> flyway.dataSource(dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
    }
}
