package io.collectionsledger.examples.orderholds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Feeds a view from the ledger with no gap and no double, however late it starts:
 * <ol>
 *     <li>declare its durable queue and bind it to the ledger's exchange for the kinds of fact it
 *     needs, so that from now on every such event is kept for it;</li>
 *     <li>catch up from the ledger's history ({@code GET /events?after=&type=}, with a token of the
 *     {@code service} role), page by page until the last;</li>
 *     <li>then consume the queue, acknowledging each message once applied.</li>
 * </ol>
 * An event committed before the binding is in the history; one committed after it is in the queue;
 * one in both is recognised by its customer's sequence number ({@link OrderHolds#apply}) and applied
 * once. Started again, it catches up again and then takes what its queue kept meanwhile.
 */
public final class LedgerFeed implements AutoCloseable {

    /** Where the ledger and its broker are, and the queue of this consumer's own. */
    public record Settings(URI ledger, String token, String brokerUri, String exchange, String queue) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(OrderHolds.HELD, OrderHolds.RELEASED);

    private final Connection connection;

    private LedgerFeed(Connection connection) {
        this.connection = connection;
    }

    /** Binds the queue, catches up from the history, then consumes; {@code changed} hears each event that changed the view. */
    public static LedgerFeed start(Settings settings, OrderHolds view, Consumer<String> changed) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(settings.brokerUri());
            Connection connection = factory.newConnection("order-holds");
            Channel channel = connection.createChannel();
            channel.queueDeclare(settings.queue(), true, false, false, null);
            for (String type : TYPES) {
                channel.queueBind(settings.queue(), settings.exchange(), type);
            }
            catchUp(settings, view, changed);
            channel.basicQos(100);
            channel.basicConsume(settings.queue(), false, "order-holds", (tag, delivery) -> {
                apply(view, delivery, changed);
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            return new LedgerFeed(connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the broker at " + settings.brokerUri() + ": " + e.getMessage(), e);
        }
    }

    private static void catchUp(Settings settings, OrderHolds view, Consumer<String> changed) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String types = TYPES.stream().map(type -> "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)).reduce("", String::concat);
        long after = 0;
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(settings.ledger().resolve("/events?limit=1000&after=" + after + types))
                    .header("Authorization", "Bearer " + settings.token()).header("Accept", "application/json").build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the ledger answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode event : page.path("events")) {
                if (view.apply(event.path("type").asText(), event.path("customerId").asText(), event.path("sequence").asLong(),
                        event.path("payload"))) {
                    changed.accept(event.path("type").asText() + " " + event.path("customerId").asText() + " (history)");
                }
            }
            if (!page.hasNonNull("next")) {
                return;
            }
            after = page.path("next").asLong();
        }
    }

    private static void apply(OrderHolds view, Delivery delivery, Consumer<String> changed) throws IOException {
        AMQP.BasicProperties properties = delivery.getProperties();
        String customerId = String.valueOf(properties.getHeaders().get("customerId"));
        long sequence = ((Number) properties.getHeaders().get("sequence")).longValue();
        if (view.apply(properties.getType(), customerId, sequence, JSON.readTree(delivery.getBody()))) {
            changed.accept(properties.getType() + " " + customerId + " (message " + properties.getMessageId() + ")");
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
