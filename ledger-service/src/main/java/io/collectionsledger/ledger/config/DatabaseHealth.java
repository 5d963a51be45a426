package io.collectionsledger.ledger.config;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Whether the database answers, for the readiness probe ({@code db}, in place of Spring Boot's
 * own): while it does not, the instance is taken out of service, and put back when it answers
 * again. It asks on a connection of its own, not one of the pool's, so that a pool busy with
 * commands never reads as a database that is down, and it gives up after a second, so that the
 * probe answers within its own timeout (Kubernetes' default is one second) whatever the network does.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final int SECONDS = 1;

    private final String url;
    private final Properties properties = new Properties();
    private Connection connection;

    DatabaseHealth(DataSourceProperties dataSource) {
        this.url = dataSource.determineUrl();
        if (dataSource.determineUsername() != null) {
            properties.setProperty("user", dataSource.determineUsername());
        }
        if (dataSource.determinePassword() != null) {
            properties.setProperty("password", dataSource.determinePassword());
        }
        for (String timeout : new String[]{"connectTimeout", "loginTimeout", "socketTimeout"}) {
            properties.setProperty(timeout, Integer.toString(SECONDS));
        }
        properties.setProperty("ApplicationName", "ledger readiness");
    }

    @Override
    public synchronized Health health() {
        try {
            if (connection == null || !connection.isValid(SECONDS)) {
                destroy();
                connection = DriverManager.getConnection(url, properties);
            }
            return Health.up().build();
        } catch (SQLException e) {
            destroy();
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being given up either way
            }
            connection = null;
        }
    }
}
