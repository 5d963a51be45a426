package io.collectionsledger.ledger.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sends to RabbitMQ and returns only once the broker has confirmed every message (publisher
 * confirms on one channel for the whole batch, persistent messages): a confirmed message is in
 * every durable queue it was routed to. Anything else (no connection, no permission, a nack, no
 * confirm within the timeout) throws, and the caller sends the batch again.
 *
 * <p>Meters: {@code ledger.publication.published} (messages sent), {@code .confirmed} (confirmed
 * by the broker) and {@code .returned} (confirmed but routed to no queue: nobody had bound one for
 * that kind of fact), each tagged with the exchange.
 */
@Component
class Broker {

    private final RabbitTemplate template;
    private final PublicationProperties properties;
    private final MeterRegistry meters;

    Broker(RabbitTemplate template, PublicationProperties properties, MeterRegistry meters) {
        this.template = template;
        this.properties = properties;
        this.meters = meters;
        template.setMandatory(true);
        template.setReturnsCallback(this::returned);
    }

    /** Publishes the events in order and waits for the broker's confirms. */
    void publish(List<PublishedEvent> events) {
        send(properties.exchange(), events.stream()
                .map(event -> new Routed(event.routingKey(), event.toMessage(PublishedEvents.body(event)))).toList());
    }

    /** Publishes one message to an exchange of the ledger's and waits for the broker's confirm. */
    void publish(String exchange, String routingKey, Message message) {
        send(exchange, List.of(new Routed(routingKey, message)));
    }

    private record Routed(String routingKey, Message message) {
    }

    private void send(String exchange, List<Routed> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Counter published = counter("published", exchange);
        template.invoke(operations -> {
            for (Routed routed : messages) {
                operations.send(exchange, routed.routingKey(), routed.message());
                published.increment();
            }
            operations.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
            return null;
        });
        counter("confirmed", exchange).increment(messages.size());
    }

    private void returned(ReturnedMessage returned) {
        counter("returned", returned.getExchange()).increment();
    }

    private Counter counter(String outcome, String exchange) {
        return Counter.builder("ledger.publication." + outcome).tag("exchange", exchange).register(meters);
    }
}
