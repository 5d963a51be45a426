package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as other services see it, on the broker and in the replay from a position alike: the
 * event upcast to its current revision ({@code payload}, amounts as strings) and where it stands in
 * the ledger. On the broker the payload is the message body, {@code eventId} its {@code message-id},
 * {@code type} its {@code type} property and routing key, and every other field a header of the
 * same name (docs/asyncapi.json).
 *
 * @param eventId       the event's id: the same on every re-send, so a consumer de-duplicates by it
 * @param type          the logical type name, {@code <concept>.<EventName>}
 * @param revision      the revision of the payload's shape
 * @param customerId    the account (aggregate) the event belongs to
 * @param sequence      its place in the account's events, from 0; per customer, consecutive
 * @param globalIndex   its place in the journal (one order over every account; with gaps)
 * @param occurredOn    the business date it happened
 * @param recordedAt    when the ledger recorded it
 * @param correlationId the business operation it belongs to (null for facts the close of day produced without one)
 * @param commandId     the command that caused it
 * @param clientId      the client that sent the command
 * @param payload       the event
 */
public record PublishedEvent(String eventId, String type, String revision, String customerId, long sequence, long globalIndex,
                             LocalDate occurredOn, Instant recordedAt, String correlationId, String commandId, String clientId,
                             JsonNode payload) {

    static final String APP_ID = "ledger-service";

    /** The names of the headers, in the order the document lists them. */
    public static final String TYPE = "type";
    public static final String REVISION = "revision";
    public static final String CUSTOMER_ID = "customerId";
    public static final String SEQUENCE = "sequence";
    public static final String GLOBAL_INDEX = "globalIndex";
    public static final String OCCURRED_ON = "occurredOn";
    public static final String RECORDED_AT = "recordedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String COMMAND_ID = "commandId";
    public static final String CLIENT_ID = "clientId";

    /** The routing key: a consumer binds by kind of fact ({@code payment.*}, {@code *.OrdersHeld}, {@code #}). */
    public String routingKey() {
        return type;
    }

    /** The headers, absent where the event has no value. */
    public Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(TYPE, type);
        headers.put(REVISION, revision);
        headers.put(CUSTOMER_ID, customerId);
        headers.put(SEQUENCE, sequence);
        headers.put(GLOBAL_INDEX, globalIndex);
        headers.put(OCCURRED_ON, occurredOn == null ? null : occurredOn.toString());
        headers.put(RECORDED_AT, recordedAt.toString());
        headers.put(CORRELATION_ID, correlationId);
        headers.put(COMMAND_ID, commandId);
        headers.put(CLIENT_ID, clientId);
        headers.values().removeIf(value -> value == null);
        return headers;
    }

    /** A persistent message: it survives a broker restart in a durable queue. */
    Message toMessage(byte[] body) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setType(type);
        properties.setCorrelationId(correlationId);
        properties.setTimestamp(Date.from(recordedAt));
        properties.setAppId(APP_ID);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers().forEach(properties::setHeader);
        return new Message(body, properties);
    }
}
