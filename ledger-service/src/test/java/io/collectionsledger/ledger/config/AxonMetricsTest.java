package io.collectionsledger.ledger.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The read models' processors and the command bus, each with the starter's meters but for the capacity's window. */
class AxonMetricsTest {

    private static final Function<Message<?>, Iterable<Tag>> TAGS = message -> List.of(Tag.of("payloadType", "PaymentRecorded"));

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AxonMetrics metrics = new AxonMetrics(registry);

    @ParameterizedTest
    @ValueSource(strings = {"aging", "commandBus"})
    void capacityIsTheShareOfTheLastTenSecondsSpentHandling(String component) {
        handleTaking(monitorOf(metrics, component), component, Duration.ofSeconds(2));

        assertThat(capacity(component)).isCloseTo(0.2, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aging", "commandBus"})
    void aMessageHandledMoreThanTenSecondsAgoIsNoLongerKept(String component) {
        handleTaking(monitorOf(metrics, component), component, Duration.ofSeconds(2));
        clock.add(Duration.ofSeconds(11));

        assertThat(capacity(component)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aging", "commandBus"})
    void theMetersAreThoseOfTheStartersRegistry(String component) {
        SimpleMeterRegistry starters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

        handleTaking(monitorOf(metrics, component), component, Duration.ofMillis(5));
        handleTaking(monitorOf(new GlobalMetricRegistry(starters), component), component, Duration.ofMillis(5));

        assertThat(meterIds(registry)).isNotEmpty().isEqualTo(meterIds(starters));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aging", "commandBus"})
    void eachOutcomeIsCountedAsByTheStartersRegistry(String component) {
        SimpleMeterRegistry starters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

        for (MessageMonitor<Message<?>> monitor : List.of(monitorOf(metrics, component), monitorOf(new GlobalMetricRegistry(starters), component))) {
            handleTaking(monitor, component, Duration.ofMillis(5), MessageMonitor.MonitorCallback::reportSuccess);
            handleTaking(monitor, component, Duration.ofMillis(7), MessageMonitor.MonitorCallback::reportSuccess);
            handleTaking(monitor, component, Duration.ofMillis(11), callback -> callback.reportFailure(new IllegalStateException("refused")));
            handleTaking(monitor, component, Duration.ofMillis(13), MessageMonitor.MonitorCallback::reportIgnored);
        }

        // the starter's timers run on the system clock, these on the registry's
        assertThat(counts(registry)).isNotEmpty().isEqualTo(counts(starters));
        assertThat(registry.find(component + ".allTimer").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5 + 7 + 11 + 13);
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitorOf(GlobalMetricRegistry metrics, String component) {
        return (MessageMonitor<Message<?>>) (component.equals("commandBus")
                ? metrics.registerCommandBus(component, TAGS)
                : metrics.registerEventProcessor(component, TAGS, TAGS));
    }

    private void handleTaking(MessageMonitor<Message<?>> monitor, String component, Duration duration) {
        handleTaking(monitor, component, duration, MessageMonitor.MonitorCallback::reportSuccess);
    }

    private void handleTaking(MessageMonitor<Message<?>> monitor, String component, Duration duration,
                              Consumer<MessageMonitor.MonitorCallback> outcome) {
        Message<?> message = component.equals("commandBus")
                ? GenericCommandMessage.asCommandMessage("record the payment")
                : GenericEventMessage.asEventMessage("paid");
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(message);
        clock.add(duration.toNanos(), TimeUnit.NANOSECONDS);
        outcome.accept(callback);
    }

    private double capacity(String component) {
        Gauge gauge = registry.find(component + ".capacity").gauge();
        assertThat(gauge).isNotNull();
        return gauge.value();
    }

    private static Map<Meter.Id, Double> counts(MeterRegistry registry) {
        return registry.getMeters().stream()
                .filter(meter -> meter instanceof Counter || meter instanceof Timer)
                .collect(Collectors.toMap(Meter::getId, meter -> meter instanceof Counter counter
                        ? counter.count()
                        : (double) ((Timer) meter).count()));
    }

    private static Set<Meter.Id> meterIds(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
    }
}
