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
 * timers, counters, lag, capacity), except that capacity is taken over the last ten seconds rather
 * than ten minutes. Axon's CapacityMonitor keeps the duration of every event handled within its
 * window, about 85 bytes each: ten minutes of six read models replaying held 7.5 million entries,
 * 757 MiB of heap (docs/performance.md), and a minute of them catching up at 25,000 events/s
 * would still hold more than 100 MiB.
 * Ten seconds is still a fair sample of how busy a processor is at each scrape.
 */
class ProcessorMetrics extends GlobalMetricRegistry {

    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

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
