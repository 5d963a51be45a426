package io.collectionsledger.ledger.command;

import io.collectionsledger.ledger.account.StaleVersion;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sent a command and under which id: what every event it produces carries as metadata.
 *
 * @param clientId        the calling service or application, as its token names it; command ids are scoped by it
 * @param commandId       the client's id for this command
 * @param correlationId   ties together everything one business operation caused
 * @param principal       who acted, as the token names them
 * @param roles           the roles the token granted, comma-separated
 * @param expectedVersion the account version the client acted on, or null
 */
public record CommandContext(String clientId, String commandId, String correlationId, String principal, String roles,
                             Long expectedVersion) {

    public static final String CLIENT_ID = "clientId";
    public static final String COMMAND_ID = "commandId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String PRINCIPAL = "principal";
    public static final String ROLES = "roles";

    /** The metadata keys every event inherits from the command that caused it. */
    public static final String[] RECORDED_ON_EVENTS = {CLIENT_ID, COMMAND_ID, CORRELATION_ID, PRINCIPAL, ROLES};

    MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(CLIENT_ID, clientId);
        values.put(COMMAND_ID, commandId);
        values.put(CORRELATION_ID, correlationId);
        values.put(PRINCIPAL, principal);
        values.put(ROLES, roles);
        if (expectedVersion != null) {
            values.put(StaleVersion.EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(values);
    }
}
