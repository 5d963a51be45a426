package io.collectionsledger.ledger.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the ledger publishes its events (environment: LEDGER_EVENTS_PUBLISH, LEDGER_EVENTS_EXCHANGE ...);
 * the broker itself is Spring Boot's {@code spring.rabbitmq.*} (SPRING_RABBITMQ_HOST, ..._VIRTUAL_HOST).
 *
 * @param publish        whether events and digests are published at all; off, the publisher's position stays
 *                       where it is, and switched on again it goes on from there
 * @param exchange       the durable topic exchange every event goes to, routed by its logical type name
 * @param digestExchange the durable fanout exchange of the audit digests
 * @param confirmTimeout how long a batch waits for the broker's confirms before it is sent again
 * @param batchSize      events published per confirm round, and per token update
 */
@ConfigurationProperties("ledger.events")
public record PublicationProperties(
        @DefaultValue("true") boolean publish,
        @DefaultValue("ledger.events") String exchange,
        @DefaultValue("ledger.audit-digests") String digestExchange,
        @DefaultValue("PT10S") Duration confirmTimeout,
        @DefaultValue("500") int batchSize) {
}
