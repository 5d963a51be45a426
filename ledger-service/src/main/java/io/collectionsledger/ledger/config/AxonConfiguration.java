package io.collectionsledger.ledger.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionsledger.ledger.account.AccountSnapshots;
import io.collectionsledger.ledger.journal.AppendedEvents;
import io.collectionsledger.ledger.journal.EventTypes;
import io.collectionsledger.ledger.journal.Journal;
import io.collectionsledger.ledger.journal.LogicalTypeSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.time.Clock;
import java.util.Optional;

/**
 * Axon on PostgreSQL: the JDBC event store on Flyway's tables (snake_case, payloads as UTF-8
 * JSON in bytea, global_index from an identity column so restarts leave no allocation gaps),
 * Jackson for events, messages and tokens with a mapper of its own so that changing the REST
 * mapper never changes what is stored, account events under logical type names, and pooled
 * streaming processors with tokens in the same database.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** PostgreSQL's unique_violation: two writers appended the same aggregate sequence number. */
    private static final String UNIQUE_VIOLATION = "23505";

    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Stored events outlive the code: a field added later must not break reading old ones.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static JacksonSerializer.Builder jackson() {
        return JacksonSerializer.builder()
                .objectMapper(storageMapper())
                .revisionResolver(new AnnotationRevisionResolver());
    }

    private static Serializer jacksonSerializer() {
        return jackson().build();
    }

    /**
     * Snapshots of customer accounts: the storage mapper with {@link AccountSnapshots}, which reads an
     * account's fields into the account its constructor builds, and refusing a field it does not know:
     * a snapshot of a shape since changed is then passed over for the events ({@link SnapshotReadWhole})
     * rather than read with a field left out. Apart from the general serializer, so that tokens and
     * deadlines are read as before.
     */
    public static Serializer snapshotSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(storageMapper().registerModule(new AccountSnapshots()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    /** Replaces the starter's registry of Axon's monitors: see {@link AxonMetrics}. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new AxonMetrics(meterRegistry);
    }

    /** Covers tokens and deadlines; snapshots have their own ({@link #snapshotSerializer()}). */
    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    /** Account events are stored under their logical type names, not their class names. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(EventTypes eventTypes) {
        return new LogicalTypeSerializer(jackson(), eventTypes);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** The tables' names come from the one class that names Axon's tables. */
    @Bean
    EventSchema eventSchema() {
        return Journal.eventSchema();
    }

    @Bean
    TokenSchema tokenSchema() {
        return Journal.tokenSchema();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          AppendedEvents appendedEvents,
                                          org.axonframework.config.Configuration configuration) {
        return new SnapshotReadWhole(JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                // what it inserts is remembered until it is chained (AppendedEvents)
                .appendEvents(appendedEvents.statement()));
    }

    /**
     * Axon's JDBC engine, but a snapshot is deserialized when it is read, where Axon catches a failure,
     * logs it and reads the account from its events instead. Axon deserializes it later, when the
     * account is made from it, where a snapshot that no longer reads (the account's fields changed
     * without a new {@code @Revision}) would fail every command on that account.
     */
    static final class SnapshotReadWhole extends JdbcEventStorageEngine {

        SnapshotReadWhole(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
            snapshot.ifPresent(DomainEventMessage::getPayload);
            return snapshot;
        }
    }

    /**
     * Axon's own event store, but polling the journal every 50 ms instead of every second when
     * idle. A command's transaction commits just after Axon's unit of work (which wakes the
     * poller too early to see the new events), and other instances' events are only ever found
     * by polling; both would otherwise make read-your-writes wait about a second.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(50)
                .build();
    }

    /**
     * Axon's query bus, as its starter makes it, but every query handler runs in a read-only
     * transaction at REPEATABLE READ: all its statements read one snapshot of the database, so the
     * parts of an answer (a statement's items and its totals, a report's rows and their sums) always
     * agree, even while a read model commits a batch between two of them. The starter's bus takes
     * READ COMMITTED, where each statement sees what was committed before it began.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration configuration, PlatformTransactionManager transactions) {
        DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return SimpleQueryBus.builder()
                .messageMonitor(configuration.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(new SpringTransactionManager(transactions, snapshot))
                .errorHandler(configuration.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(configuration.getComponent(QueryUpdateEmitter.class))
                .spanFactory(configuration.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Every processor is a pooled streaming processor; its segments are claimed through
     * the token store, so several instances of the service share the work.
     * <p>
     * A segment stores its token after events it ignores (a type the read model has no handler
     * for) only when it extends its claim, so a query waiting for such a position waits up to the
     * claim extension threshold: 1 s rather than Axon's 5 s keeps that within the read-model wait.
     * Claims are timeouts, measured on the system clock: with Axon's default (the ledger's clock,
     * which tests freeze) a claim would never be extended and that wait would never end.
     * <p>
     * An instance claims every segment it finds free; {@code ledger.max-claimed-segments} caps
     * that per processor, so that an instance started before another leaves it work to share.
     * <p>
     * Two segments per processor unless {@code ledger.processor-segments} says otherwise, read
     * when a processor's tokens are first created: Axon's coordinator queues every event in every
     * segment's work package and counts each queue (a linked list, up to 1,024 events) before
     * offering the next event, so each segment costs every event (a rebuild with 4 took twice as
     * long as with 2 or 1; docs/performance.md, "Design notes"). Two still let two instances
     * share each read model.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(@Value("${ledger.max-claimed-segments:2147483647}") int maxClaimedSegments,
                                               @Value("${ledger.processor-segments:2}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(100)
                        .initialSegmentCount(segments)
                        .maxClaimedSegments(maxClaimedSegments)
                        .claimExtensionThreshold(1000)
                        .clock(Clock.systemUTC())));
    }
}
