package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.time.Duration;
import java.util.function.Function;

/**
 * Axon's monitors as its Spring Boot starter registers them (handler timers, counters, lag,
 * capacity), with the same meters, but each meter found once per tag set ({@link HandlerMeters})
 * and capacity taken over the last ten seconds rather than ten minutes. Axon's CapacityMonitor
 * keeps the duration of every message handled within its window, about 85 bytes each: after a
 * default-scale benchmark the read models' monitors held 7.5 million entries, 757 MiB of heap,
 * and a large import left 2.9 million in the command bus's (docs/performance.md). Ten seconds is
 * still a fair sample of how busy a handler is at each scrape. (The query update emitter's
 * monitor cannot be replaced, and it sees next to no messages.)
 */
class AxonMetrics extends GlobalMetricRegistry {

    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;

    AxonMetrics(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName,
            Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new HandlerMeters(eventProcessorName, registry, tagsBuilder, latencyTagsBuilder, CAPACITY_WINDOW);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new HandlerMeters(commandBusName, registry, tagsBuilder, null, CAPACITY_WINDOW);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new HandlerMeters(queryBusName, registry, tagsBuilder, null, CAPACITY_WINDOW);
    }
}
