package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.shared.AccountCommand;
import io.collectionsledger.ledger.config.AxonConfiguration;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.collectionsledger.ledger.account.Accounts.CUSTOMER;

/**
 * The customer's account as the service keeps it, on an event store in memory and without a cache:
 * each command reads the account from the store, from its snapshot (if one was stored) and the events
 * after it. Snapshots are taken by Axon's snapshotter, and stored written by the service's serializer
 * and read back at each read, as the service's event store does.
 */
final class InMemoryAccounts {

    /** 10:00 in Shanghai on {@link Accounts#TODAY}. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
    static final Serializer SNAPSHOTS = AxonConfiguration.snapshotSerializer();

    private final SnapshotsWritten engine = new SnapshotsWritten();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(CustomerAccount.class),
            new SimpleResourceParameterResolverFactory(List.of(new BusinessCalendar(CLOCK, ZoneId.of("Asia/Shanghai")), CollectionPolicy.defaults())));
    private final CommandGateway commands;

    InMemoryAccounts() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        EventSourcingRepository<CustomerAccount> accounts = EventSourcingRepository.builder(CustomerAccount.class)
                .eventStore(store).parameterResolverFactory(resolvers).build();
        AggregateAnnotationCommandHandler.<CustomerAccount>builder().aggregateType(CustomerAccount.class).repository(accounts)
                .parameterResolverFactory(resolvers).build().subscribe(bus);
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** A store holding these events of the customer, as recorded. */
    static InMemoryAccounts holding(List<? extends DomainEventMessage<?>> events) {
        InMemoryAccounts accounts = new InMemoryAccounts();
        accounts.engine.appendEvents(events);
        return accounts;
    }

    /** Appends events recorded elsewhere, as they were recorded. */
    void append(List<? extends DomainEventMessage<?>> events) {
        engine.appendEvents(events);
    }

    /** What the command recorded, or the rule it was refused by. */
    Object send(AccountCommand command) {
        int before = events().size();
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            return RuleViolation.of(failure).map(RuleViolation::rule).orElseThrow(() -> failure);
        }
        return events().subList(before, events().size()).stream().map(Message::getPayload).toList();
    }

    /** The customer's events, in order, without the snapshot. */
    List<? extends DomainEventMessage<?>> events() {
        return engine.readEvents(CUSTOMER, 0).asStream().toList();
    }

    /** The account as Axon's snapshotter makes it from all the events (the state a snapshot holds), before it is written. */
    CustomerAccount sourced() {
        InMemoryAccounts events = holding(events());
        events.snapshot();
        return (CustomerAccount) events.engine.taken.getPayload();
    }

    /** Has Axon's snapshotter take a snapshot of the account at its last event. */
    void snapshot() {
        AggregateSnapshotter.builder().eventStore(store)
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(CustomerAccount.class, resolvers)))
                .parameterResolverFactory(resolvers).build()
                .scheduleSnapshot(CustomerAccount.class, CUSTOMER);
    }

    static SerializedObject<byte[]> written(CustomerAccount account) {
        return SNAPSHOTS.serialize(account, byte[].class);
    }

    /** Keeps the last snapshot written, as the database does, and reads it anew each time (Axon's engine in memory keeps the object). */
    private static final class SnapshotsWritten extends InMemoryEventStorageEngine {

        private DomainEventMessage<?> taken;
        private SerializedObject<byte[]> written;

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            taken = snapshot;
            written = SNAPSHOTS.serialize(snapshot.getPayload(), byte[].class);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.ofNullable(taken).map(snapshot -> new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), SNAPSHOTS.deserialize(written)));
        }
    }
}
