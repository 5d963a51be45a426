package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's monitors as its Spring Boot starter registers them (handler timers, counters, lag,
 * capacity), except that capacity is taken over the last ten seconds rather than ten minutes.
 * Axon's CapacityMonitor keeps the duration of every message handled within its window, about
 * 85 bytes each: after a default-scale benchmark the read models' monitors held 7.5 million
 * entries, 757 MiB of heap, and with theirs at ten seconds a large import still left 2.9 million,
 * the command bus's ten minutes of 4,000 commands a second (docs/performance.md). Ten seconds is still a fair sample of how busy a handler is at each scrape.
 * (The query update emitter's monitor cannot be replaced, and it sees next to no messages.)
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
        return new MultiMessageMonitor<EventMessage<?>>(List.<MessageMonitor<? super EventMessage<?>>>of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(eventProcessorName)
                        .meterRegistry(registry)
                        .tagsBuilder(latencyTagsBuilder)
                        .build(),
                capacity(eventProcessorName, tagsBuilder),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(commandBusName, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(queryBusName, tagsBuilder);
    }

    private MessageMonitor<Message<?>> handlerMonitors(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<Message<?>>(List.<MessageMonitor<? super Message<?>>>of(
                MessageTimerMonitor.buildMonitor(name, registry, tagsBuilder),
                capacity(name, tagsBuilder),
                MessageCountingMonitor.buildMonitor(name, registry, tagsBuilder)));
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return CapacityMonitor.buildMonitor(name, registry, CAPACITY_WINDOW.toMillis(), TimeUnit.MILLISECONDS,
                registry.config().clock(), tagsBuilder);
    }
}
