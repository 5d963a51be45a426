package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The meters Axon's monitors keep for one message handler (a read model's processor, the command
 * bus, the query bus), under the same names and tags, looked up once per tag set rather than for
 * every message. Axon's timer, counter, capacity and latency monitors find each of their eleven
 * meters in the registry again for each message, hashing its tags every time; in a rebuild's
 * flight recording that was about a tenth of the CPU (docs/performance.md). Capacity, the share of
 * the window spent handling, is summed per second here instead of keeping every duration in a
 * skip list for the whole window.
 */
final class HandlerMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final Duration PERCENTILE_EXPIRY = Duration.ofMinutes(10);

    private final String name;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tagsBuilder;
    /** Null unless the handler is an event processor, whose latency is how old its last event was. */
    private final Function<Message<?>, Iterable<Tag>> latencyTagsBuilder;
    private final Duration capacityWindow;
    private final Map<Tags, Meters> meters = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

    HandlerMeters(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tagsBuilder,
                  Function<Message<?>, Iterable<Tag>> latencyTagsBuilder, Duration capacityWindow) {
        this.name = name;
        this.registry = registry;
        this.clock = registry.config().clock();
        this.tagsBuilder = tagsBuilder;
        this.latencyTagsBuilder = latencyTagsBuilder;
        this.capacityWindow = capacityWindow;
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull Message<?> message) {
        Meters handled = meters.computeIfAbsent(Tags.of(tagsBuilder.apply(message)), this::register);
        if (latencyTagsBuilder != null) {
            latencies.computeIfAbsent(Tags.of(latencyTagsBuilder.apply(message)), this::registerLatency)
                    .set(clock.wallTime() - ((EventMessage<?>) message).getTimestamp().toEpochMilli());
        }
        handled.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled(handled, start, handled.successTimer, handled.processed, handled.succeeded);
            }

            @Override
            public void reportFailure(Throwable cause) {
                handled(handled, start, handled.failureTimer, handled.processed, handled.failed);
            }

            @Override
            public void reportIgnored() {
                handled(handled, start, handled.ignoredTimer, handled.ignored);
            }
        };
    }

    private void handled(Meters meters, long start, Timer outcome, Counter... counted) {
        long end = clock.monotonicTime();
        long took = end - start;
        meters.allTimer.record(took, TimeUnit.NANOSECONDS);
        outcome.record(took, TimeUnit.NANOSECONDS);
        for (Counter counter : counted) {
            counter.increment();
        }
        meters.busy.add(end, took);
    }

    private Meters register(Tags tags) {
        BusyTime busy = new BusyTime(capacityWindow);
        Gauge.builder(name + ".capacity", busy, time -> time.share(clock.monotonicTime()))
                .tags(tags).strongReference(true).register(registry);
        return new Meters(timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags), counter("ingestedCounter", tags), counter("successCounter", tags),
                counter("failureCounter", tags), counter("processedCounter", tags), counter("ignoredCounter", tags), busy);
    }

    private AtomicLong registerLatency(Tags tags) {
        AtomicLong latency = new AtomicLong();
        Gauge.builder(name + ".latency", latency::get).tags(tags).register(registry);
        return latency;
    }

    private Timer timer(String timer, Tags tags) {
        return Timer.builder(name + "." + timer).distributionStatisticExpiry(PERCENTILE_EXPIRY)
                .publishPercentiles(PERCENTILES).tags(tags).register(registry);
    }

    private Counter counter(String counter, Tags tags) {
        return registry.counter(name + "." + counter, tags);
    }

    private record Meters(Timer allTimer, Timer successTimer, Timer failureTimer, Timer ignoredTimer,
                          Counter ingested, Counter succeeded, Counter failed, Counter processed, Counter ignored,
                          BusyTime busy) {
    }
}
