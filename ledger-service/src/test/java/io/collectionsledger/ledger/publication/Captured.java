package io.collectionsledger.ledger.publication;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Messages as a test's consumer received them, in the order it processed them, and what they say after de-duplication. */
final class Captured {

    /** One delivery: who processed it, its properties, its headers (as plain values) and its body. */
    record Received(String consumer, AMQP.BasicProperties properties, Map<String, Object> headers, byte[] body) {

        String messageId() {
            return properties.getMessageId();
        }

        String customerId() {
            return (String) headers.get("customerId");
        }

        long sequence() {
            return (Long) headers.get("sequence");
        }
    }

    private final List<Received> received = new ArrayList<>();

    synchronized void add(String consumer, AMQP.BasicProperties properties, byte[] body) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> headers.put(name, value instanceof Number ? value : String.valueOf(value)));
        }
        received.add(new Received(consumer, properties, headers, body));
    }

    synchronized List<Received> all() {
        return List.copyOf(received);
    }

    /** The messages of these customers, in the order they were processed. */
    List<Received> of(Collection<String> customers) {
        Set<String> wanted = new HashSet<>(customers);
        return all().stream().filter(message -> wanted.contains(message.customerId())).toList();
    }

    /** Each message-id once, where it first came, in the order processed: what a consumer that de-duplicates sees. */
    static List<Received> deduplicated(List<Received> messages) {
        Set<String> seen = new HashSet<>();
        return messages.stream().filter(message -> seen.add(message.messageId())).toList();
    }

    /** Customers whose events, after de-duplication, did not come in their sequence order, with what came. */
    static Map<String, List<Long>> outOfOrder(List<Received> messages) {
        Map<String, List<Long>> sequences = new HashMap<>();
        deduplicated(messages).forEach(message -> sequences.computeIfAbsent(message.customerId(), c -> new ArrayList<>()).add(message.sequence()));
        sequences.values().removeIf(list -> list.equals(list.stream().sorted().toList()));
        return sequences;
    }

    /** Reads every message waiting in the queue, acknowledging each. */
    static Captured drain(Connection connection, String queue) {
        Captured captured = new Captured();
        try (Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                captured.add("drain", response.getProps(), response.getBody());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return captured;
    }

    /** Consumes the queue into this capture, acknowledging each message once recorded; returns the channel (close it to stop). */
    Channel consume(Connection connection, String consumer, String queue) {
        try {
            Channel channel = connection.createChannel();
            channel.basicQos(20);
            channel.basicConsume(queue, false, consumer, (tag, delivery) -> {
                add(consumer, delivery.getProperties(), delivery.getBody());
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
