package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The read models' processors monitored as Axon's Spring Boot starter monitors them (handler
 * timers, counters, lag, capacity), except that capacity is taken over the last minute rather
 * than ten. Axon's CapacityMonitor keeps the duration of every event handled within its window:
 * ten minutes of six read models replaying held 7.5 million entries, 757 MiB of heap
 * (docs/performance.md); a minute holds a tenth of that and still spans several scrapes.
 */
class ProcessorMetrics extends GlobalMetricRegistry {

    static final Duration CAPACITY_WINDOW = Duration.ofMinutes(1);

    private final MeterRegistry registry;

    ProcessorMetrics(MeterRegistry registry) {
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
                CapacityMonitor.buildMonitor(eventProcessorName, registry, CAPACITY_WINDOW.toMillis(), TimeUnit.MILLISECONDS,
                        registry.config().clock(), tagsBuilder),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder)));
    }
}
