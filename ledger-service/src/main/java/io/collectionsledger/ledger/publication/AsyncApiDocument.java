package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.audit.PublishedDigest;
import io.collectionsledger.ledger.journal.EventTypes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.ObjectMapperFactory;
import io.swagger.v3.oas.models.media.Schema;
import org.axonframework.serialization.AnnotationRevisionResolver;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published language as an AsyncAPI 3 document: the two exchanges, the routing keys, the
 * headers, and a JSON Schema for every event, generated from the event records of contracts-api by
 * swagger-core's {@link ModelConverters}, the generator behind the OpenAPI document. Served at
 * {@code GET /asyncapi.json} and committed as {@code docs/asyncapi.json}; AsyncApiDocumentTest
 * fails when the two differ (run it with {@code -Dasyncapi.write=true} to write the file anew).
 *
 * <p>The generator sees the records as the REST API does, amounts as numbers; the published mapper
 * writes every {@code BigDecimal} as a string, so every schema of an unformatted number (what
 * swagger-core makes of a BigDecimal) becomes a decimal string here.
 */
public final class AsyncApiDocument {

    static final String DIGEST_MESSAGE = "audit.Digest";
    private static final String AMQP_BINDING_VERSION = "0.3.0";
    private static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** swagger-core's own mapper for its models, made afresh: springdoc's global one may be customised. */
    private static final ObjectMapper SWAGGER = ObjectMapperFactory.createJson();
    private static final ObjectMapper PRINTER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AsyncApiDocument() {
    }

    /** The document as served and committed: pretty-printed JSON with a final newline. */
    public static String json(EventTypes eventTypes, PublicationProperties properties) {
        try {
            return PRINTER.writeValueAsString(document(eventTypes, properties)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode document(EventTypes eventTypes, PublicationProperties properties) {
        ModelConverters converters = new ModelConverters();
        converters.getConverters().forEach(converters::removeConverter);
        converters.addConverter(new ModelResolver(SWAGGER));
        Map<String, JsonNode> schemas = new TreeMap<>();
        ObjectNode messages = NODES.objectNode();
        ObjectNode eventMessages = NODES.objectNode();
        ArrayNode eventOperationMessages = NODES.arrayNode();
        ArrayNode typeNames = NODES.arrayNode();
        AnnotationRevisionResolver revisions = new AnnotationRevisionResolver();
        for (String type : eventTypes.publishedNames()) {
            Class<?> event = eventTypes.classOf(type);
            String schemaName = add(converters, event, schemas);
            messages.set(type, eventMessage(type, revisions.revisionOf(event), schemaName));
            eventMessages.set(type, ref("#/components/messages/" + type));
            eventOperationMessages.add(ref("#/channels/events/messages/" + type));
            typeNames.add(type);
        }
        schemas.put("EventHeaders", eventHeaders());
        messages.set(DIGEST_MESSAGE, digestMessage(add(converters, PublishedDigest.class, schemas)));

        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        document.set("info", NODES.objectNode()
                .put("title", "Collections ledger: published events")
                .put("version", "1")
                .put("description", """
                        Every fact the ledger records, published to RabbitMQ after it is committed, at least once and in \
                        order per customer, and the audit chain's digest whenever the chain advances. The body of an event is \
                        the event upcast to its current revision, as JSON with amounts as decimal strings and no null fields; \
                        the AMQP message-id is the event id (the same on every re-send: de-duplicate by it), the type property \
                        and the routing key are its logical type name, and the headers say where it stands in the ledger. \
                        GET /events?after=<globalIndex> replays the same messages from the ledger's journal."""));
        document.put("defaultContentType", "application/json");
        document.set("servers", NODES.objectNode().set("broker", NODES.objectNode()
                .put("host", "127.0.0.1:5672")
                .put("protocol", "amqp")
                .put("protocolVersion", "0.9.1")
                .put("description", "RabbitMQ, as spring.rabbitmq.* configures it (SPRING_RABBITMQ_HOST, _PORT, _VIRTUAL_HOST)")));
        document.set("channels", NODES.objectNode()
                .<ObjectNode>set("events", NODES.objectNode()
                        .put("address", "{type}")
                        .put("title", "Account events")
                        .put("description", "The durable topic exchange " + properties.exchange() + ", routed by the event's logical "
                                + "type name <concept>.<EventName>: bind payment.* for every payment fact, *.OrdersHeld for one kind, "
                                + "# for all. Messages are persistent; one customer's events are published in their sequence order.")
                        .<ObjectNode>set("parameters", NODES.objectNode().set("type", NODES.objectNode()
                                .put("description", "the event's logical type name")
                                .set("enum", typeNames)))
                        .<ObjectNode>set("messages", eventMessages)
                        .set("bindings", exchangeBinding(properties.exchange(), "topic")))
                .set("auditDigests", NODES.objectNode()
                        .put("address", DigestPublisher.ROUTING_KEY)
                        .put("title", "Audit digests")
                        .put("description", "The durable fanout exchange " + properties.digestExchange() + ": the chain's digest "
                                + "(position:headHash) each time the chain advances, at most once a second. Bind a queue of your own "
                                + "that the ledger's operators cannot write to, and keep what arrives.")
                        .<ObjectNode>set("messages", NODES.objectNode().set(DIGEST_MESSAGE, ref("#/components/messages/" + DIGEST_MESSAGE)))
                        .set("bindings", exchangeBinding(properties.digestExchange(), "fanout"))));
        document.set("operations", NODES.objectNode()
                .<ObjectNode>set("publishEvents", operation("events", eventOperationMessages,
                        "The ledger sends every event once it is committed; a message is confirmed by the broker before the "
                                + "publisher moves past it, so a re-send after a failure repeats messages, never skips one."))
                .set("publishDigests", operation("auditDigests", NODES.arrayNode().add(ref("#/channels/auditDigests/messages/" + DIGEST_MESSAGE)),
                        "The ledger sends the chain's digest whenever the chain has advanced.")));
        ObjectNode schemaNodes = NODES.objectNode();
        schemas.forEach(schemaNodes::set);
        document.set("components", NODES.objectNode().<ObjectNode>set("messages", messages).set("schemas", schemaNodes));
        return document;
    }

    /** Adds the class's schema and those it refers to; returns its name among the components' schemas. */
    private static String add(ModelConverters converters, Class<?> type, Map<String, JsonNode> schemas) {
        Map<String, Schema> read = converters.readAll(new AnnotatedType(type));
        String name = converters.read(new AnnotatedType(type)).keySet().iterator().next();
        read.forEach((schemaName, schema) -> {
            JsonNode node = amountsAsStrings(SWAGGER.valueToTree(schema));
            JsonNode known = schemas.putIfAbsent(schemaName, node);
            if (known != null && !known.equals(node)) {
                throw new IllegalStateException("two types are both called " + schemaName + " in the published language");
            }
        });
        return name;
    }

    private static JsonNode amountsAsStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("number".equals(object.path("type").asText()) && !object.has("format")) {
                object.put("type", "string");
                object.put("pattern", DECIMAL);
            }
            object.fields().forEachRemaining(field -> amountsAsStrings(field.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(AsyncApiDocument::amountsAsStrings);
        }
        return node;
    }

    private static ObjectNode eventMessage(String type, String revision, String schemaName) {
        ObjectNode headers = NODES.objectNode();
        headers.set("allOf", NODES.arrayNode()
                .add(ref("#/components/schemas/EventHeaders"))
                .add(NODES.objectNode().put("type", "object").set("properties", NODES.objectNode()
                        .<ObjectNode>set(PublishedEvent.TYPE, NODES.objectNode().put("const", type))
                        .set(PublishedEvent.REVISION, NODES.objectNode().put("const", revision)))));
        ObjectNode message = NODES.objectNode();
        message.put("name", type);
        message.put("title", type.substring(type.indexOf('.') + 1));
        message.put("summary", "Routing key and type property " + type + ", payload revision " + revision + ".");
        message.put("contentType", "application/json");
        message.set("headers", headers);
        message.set("payload", ref("#/components/schemas/" + schemaName));
        message.set("correlationId", NODES.objectNode()
                .put("description", "the business operation the event belongs to (also the AMQP correlation-id property)")
                .put("location", "$message.header#/" + PublishedEvent.CORRELATION_ID));
        message.set("bindings", NODES.objectNode().set("amqp", NODES.objectNode()
                .put("contentEncoding", "UTF-8")
                .put("messageType", type)
                .put("bindingVersion", AMQP_BINDING_VERSION)));
        return message;
    }

    private static ObjectNode digestMessage(String schemaName) {
        ObjectNode message = NODES.objectNode();
        message.put("name", DIGEST_MESSAGE);
        message.put("title", "Digest");
        message.put("summary", "The body of GET /audit/digest; message-id digest-<position>.");
        message.put("contentType", "application/json");
        message.set("headers", NODES.objectNode().put("type", "object")
                .<ObjectNode>set("properties", NODES.objectNode()
                        .<ObjectNode>set("position", NODES.objectNode().put("type", "integer").put("format", "int64"))
                        .set("headHash", NODES.objectNode().put("type", "string").put("pattern", "^[0-9a-f]{64}$")))
                .set("required", NODES.arrayNode().add("position").add("headHash")));
        message.set("payload", ref("#/components/schemas/" + schemaName));
        message.set("bindings", NODES.objectNode().set("amqp", NODES.objectNode()
                .put("contentEncoding", "UTF-8")
                .put("messageType", DIGEST_MESSAGE)
                .put("bindingVersion", AMQP_BINDING_VERSION)));
        return message;
    }

    /** What every event message carries as headers, whatever its type. */
    private static ObjectNode eventHeaders() {
        ObjectNode properties = NODES.objectNode();
        properties.set(PublishedEvent.TYPE, string("the logical type name <concept>.<EventName>, as the routing key"));
        properties.set(PublishedEvent.REVISION, string("the revision of the payload's shape"));
        properties.set(PublishedEvent.CUSTOMER_ID, string("the customer's account (the aggregate); partition by it to keep a customer's order"));
        properties.set(PublishedEvent.SEQUENCE, integer("the event's place among the customer's events, from 0 without gaps"));
        properties.set(PublishedEvent.GLOBAL_INDEX, integer("the event's place in the journal, one order over every customer (with gaps); "
                + "GET /events?after= replays from it"));
        properties.set(PublishedEvent.OCCURRED_ON, string("the business date it happened").put("format", "date"));
        properties.set(PublishedEvent.RECORDED_AT, string("when the ledger recorded it").put("format", "date-time"));
        properties.set(PublishedEvent.CORRELATION_ID, string("the business operation it belongs to"));
        properties.set(PublishedEvent.COMMAND_ID, string("the command that caused it, as its client named it"));
        properties.set(PublishedEvent.CLIENT_ID, string("the client that sent the command"));
        ObjectNode headers = NODES.objectNode();
        headers.put("type", "object");
        headers.put("description", "AMQP headers of every event message; the message-id property is the event id. The ledger's AMQP "
                + "client adds spring_listener_return_correlation, its own id for matching an unroutable message: ignore it");
        headers.set("properties", properties);
        headers.set("required", NODES.arrayNode().add(PublishedEvent.TYPE).add(PublishedEvent.REVISION).add(PublishedEvent.CUSTOMER_ID)
                .add(PublishedEvent.SEQUENCE).add(PublishedEvent.GLOBAL_INDEX).add(PublishedEvent.RECORDED_AT));
        return headers;
    }

    private static ObjectNode exchangeBinding(String exchange, String type) {
        return NODES.objectNode().set("amqp", NODES.objectNode()
                .put("is", "routingKey")
                .<ObjectNode>set("exchange", NODES.objectNode()
                        .put("name", exchange)
                        .put("type", type)
                        .put("durable", true)
                        .put("autoDelete", false))
                .put("bindingVersion", AMQP_BINDING_VERSION));
    }

    private static ObjectNode operation(String channel, ArrayNode messages, String description) {
        return NODES.objectNode()
                .put("action", "send")
                .put("description", description)
                .<ObjectNode>set("channel", ref("#/channels/" + channel))
                .<ObjectNode>set("messages", messages)
                .set("bindings", NODES.objectNode().set("amqp", NODES.objectNode()
                        .put("deliveryMode", 2)
                        .put("mandatory", true)
                        .put("bindingVersion", AMQP_BINDING_VERSION)));
    }

    private static ObjectNode ref(String target) {
        return NODES.objectNode().put("$ref", target);
    }

    private static ObjectNode string(String description) {
        return NODES.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode integer(String description) {
        return NODES.objectNode().put("type", "integer").put("format", "int64").put("description", description);
    }
}
