package io.collectionsledger.ledger.publication;

import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.ledger.query.ReadModelPositions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Collection;

/**
 * The ledger's two exchanges, declared durable when the service first connects (so it needs
 * the configure permission on them, and write; never read), the publisher's processor, and the
 * publication lag.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationProperties.class)
class PublicationConfiguration {

    @Bean
    Declarables ledgerExchanges(PublicationProperties properties) {
        return new Declarables(new TopicExchange(properties.exchange(), true, false),
                new FanoutExchange(properties.digestExchange(), true, false));
    }

    /**
     * Batches of {@code ledger.events.batch-size} per confirm round and token update; an error in
     * the handler fails the batch (Axon's default for event handlers logs it and goes on, which
     * here would skip an event for good), and a failed batch is retried from the stored token
     * once the processor claims the segment again.
     */
    @Bean
    ConfigurerModule publicationProcessor(PublicationProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(EventPublisher.PROCESSING_GROUP,
                        (config, builder) -> builder.batchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(EventPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /**
     * {@code ledger.publication.lag}: the journal's head minus the position the broker has confirmed
     * (the lowest of the publisher's segments, whichever instance holds them). It grows while the
     * broker is away and drains when it is back.
     */
    @Bean
    MeterBinder publicationLag(Journal journal, ReadModelPositions positions) {
        return registry -> Gauge.builder("ledger.publication.lag", () -> {
                    Collection<Long> confirmed = positions.segmentPositions(EventPublisher.PROCESSING_GROUP).values();
                    return journal.head() - confirmed.stream().mapToLong(Long::longValue).min().orElse(0);
                })
                .description("events appended to the journal and not yet confirmed by the broker")
                .baseUnit("events")
                .register(registry);
    }
}
