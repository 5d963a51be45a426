package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessorMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetrics(registry)
            .registerEventProcessor("aging", message -> List.of(Tag.of("processorName", "aging")),
                    message -> List.of(Tag.of("processorName", "aging")));

    @Test
    void capacityIsTheShareOfTheLastTenSecondsSpentHandling() {
        handleTaking(Duration.ofSeconds(2));

        assertThat(capacity()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void anEventHandledMoreThanTenSecondsAgoIsNoLongerKept() {
        handleTaking(Duration.ofSeconds(2));
        clock.add(Duration.ofSeconds(11));

        assertThat(capacity()).isZero();
    }

    @Test
    void theMetersAreThoseOfTheStartersRegistry() {
        SimpleMeterRegistry starters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<? super EventMessage<?>> startersMonitor = new GlobalMetricRegistry(starters)
                .registerEventProcessor("aging", message -> List.of(Tag.of("processorName", "aging")),
                        message -> List.of(Tag.of("processorName", "aging")));

        handleTaking(Duration.ofMillis(5));
        startersMonitor.onMessageIngested(GenericEventMessage.asEventMessage("paid")).reportSuccess();

        assertThat(meterIds(registry)).isNotEmpty().isEqualTo(meterIds(starters));
    }

    private static Set<Meter.Id> meterIds(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
    }

    private void handleTaking(Duration duration) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("paid"));
        clock.add(duration.toNanos(), TimeUnit.NANOSECONDS);
        callback.reportSuccess();
    }

    private double capacity() {
        Gauge gauge = registry.find("aging.capacity").gauge();
        assertThat(gauge).isNotNull();
        return gauge.value();
    }
}
