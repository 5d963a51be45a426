package io.collectionsledger.ledger.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * Health and Prometheus answer without a token on the management port, which the cluster reaches and
 * the world does not; on the API's own port they would answer anyone, so the service refuses to
 * start with the two ports the same.
 */
final class ManagementPorts {

    private ManagementPorts() {
    }

    static void requireOwnPort(Environment environment) {
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            throw new IllegalStateException("management.server.port (MANAGEMENT_SERVER_PORT) must be a port of its own, not "
                    + "server.port: health and Prometheus answer there without a token");
        }
    }
}
