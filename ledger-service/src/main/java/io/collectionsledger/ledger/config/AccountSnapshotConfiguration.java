package io.collectionsledger.ledger.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of customer accounts, so that an account not in the cache is read from its latest
 * snapshot and the events after it instead of its whole history (issue 17: the close of day spent
 * 45% of its CPU sourcing accounts).
 * <p>
 * Axon's snapshotter, as its starter makes it, but taking each snapshot on a thread of its own: the
 * starter's runs the snapshot in the command's thread once the command's transaction has committed,
 * so the command that crossed the threshold would answer only after its account was read whole again,
 * serialized and written. The snapshotter asks for a snapshot at most once at a time per account, so
 * the queue holds at most one task per account.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AccountSnapshotConfiguration implements DisposableBean {

    private final ExecutorService snapshots = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            task -> {
                Thread thread = new Thread(task, "account-snapshots");
                thread.setDaemon(true);
                return thread;
            });

    @Bean
    Snapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                     ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                     TransactionManager transactionManager, SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshots)
                .build();
    }

    /**
     * A snapshot of an account once {@code ledger.snapshot-threshold} events (LEDGER_SNAPSHOT_THRESHOLD)
     * were applied to it since it was read (from its last snapshot, if any) or last snapshotted, counting
     * those it was read from: reading an account then replays fewer events than that after its snapshot.
     * <p>
     * 50 by default: below the 60 or so events of an account at the bench's default scale, which the
     * close of day reads again on every day it is due, so those accounts are read from snapshots; and
     * high enough that writing snapshots stays a small share of the work: a snapshot is the account's whole
     * state, written anew each time (about 1.2 KB of JSON per invoice: 58 KB for an account of 50 invoices
     * and 100 events, 578 KB for one of 500 and 1,000), while reading it saves the replay of the events
     * before it (read from their events in 6.9 and 18.9 ms, from their snapshots in 4.3 and 6.9 ms,
     * AccountSnapshotsIT).
     */
    @Bean
    SnapshotTriggerDefinition accountSnapshots(Snapshotter snapshotter, @Value("${ledger.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Override
    public void destroy() throws InterruptedException {
        // a snapshot cut short is only one not taken: the next read of the account asks again
        snapshots.shutdownNow();
        snapshots.awaitTermination(5, TimeUnit.SECONDS);
    }
}
