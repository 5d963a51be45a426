package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.config.SchemaMigrations;
import io.collectionsledger.ledger.journal.Journal;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Rebuilds read models from the whole journal beside the tables they answer from, which keep being
 * kept live and keep answering until the new ones replace them.
 * <ol>
 *     <li>A rebuild is one row per read model in {@code read_model_rebuild} (its primary key: a read model
 *     is rebuilt by one rebuild at a time, across instances) naming a new schema, in which the read models'
 *     own migrations make their tables ({@link SchemaMigrations#readModelsInto}).</li>
 *     <li>This instance reads the journal once for all the read models of the rebuild, {@value #BATCH} events at
 *     a time, and hands each batch to each of them, through the handlers their processors use, each read model
 *     in a transaction of its own whose search path puts the new schema first, so the handlers' statements
 *     write the new tables; the read models handle a batch side by side. After each batch it records how far
 *     it has read, which {@code GET /admin/read-models} shows.</li>
 *     <li>When it has read the whole journal it switches, in one transaction: it takes the advisory lock
 *     of switches (two never run at once) and its rows (one that lost them has been taken over and stops),
 *     takes the live tables in ACCESS EXCLUSIVE mode in the order queries take them, reads what the
 *     journal received meanwhile, drops the live tables, moves the new ones into the live schema, and gives
 *     the read models' processors the token it has read to ({@link Journal#handOver}).</li>
 * </ol>
 * Between the switch and the end of the claim it wrote, no instance processes the read model (up to
 * Axon's claim timeout, 10 s): one that was processing a segment then fails to store its token and
 * gives the segment up, never storing a position the new tables have not reached.
 * <p>
 * A rebuild whose instance stopped leaves its rows behind; one that has not moved for a minute is
 * taken over by the next request to rebuild its read models.
 */
@Component
public class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    /** Events per transaction of a rebuild. */
    static final int BATCH = 5000;
    /** Read models handling a batch at once: each is mostly waiting on the database, and each holds a connection. */
    private static final int PARALLEL = 4;
    /** Memory for each sort or hash of a read model's statements in a rebuild, beyond the server's default of 4 MB: a batch's rows go in few statements. */
    private static final String WORK_MEM = "64MB";
    /** The advisory lock every switch takes. */
    private static final long SWITCH_LOCK = 0x6c65646765723234L;

    private final EventProcessingConfiguration processing;
    private final ReadModelTables tables;
    private final SchemaMigrations migrations;
    private final Journal journal;
    private final Serializer serializer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String owner = "rebuild-" + UUID.randomUUID();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "read-model-rebuild"));
    /** The read models of a rebuild handle each batch side by side, this many at once. */
    private final ExecutorService workers = Executors.newFixedThreadPool(PARALLEL, task -> new Thread(task, "read-model-rebuild-worker"));
    private volatile boolean stopping;

    ReadModelRebuilds(EventProcessingConfiguration processing, ReadModelTables tables, SchemaMigrations migrations, Journal journal,
                      Serializer serializer, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.tables = tables;
        this.migrations = migrations;
        this.journal = journal;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** How far the rebuild of each read model being rebuilt has read the journal, by read model. */
    public Map<String, Long> underWay() {
        Map<String, Long> positions = new TreeMap<>();
        jdbc.sql("select read_model, position from read_model_rebuild").query(rs -> {
            positions.put(rs.getString(1), rs.getLong(2));
        });
        return positions;
    }

    /**
     * Starts rebuilding these read models together, all but those a rebuild is already under way for,
     * and returns at once.
     */
    public synchronized void start(Collection<String> readModels) {
        String schema = "rebuild_" + UUID.randomUUID().toString().replace("-", "");
        List<String> taken = transactions.execute(status -> {
            takeOverStale();
            List<String> claimed = new ArrayList<>();
            for (String readModel : readModels) {
                claimed.addAll(jdbc.sql("""
                                insert into read_model_rebuild (read_model, schema_name, owner) values (?, ?, ?)
                                on conflict (read_model) do nothing returning read_model""")
                        .params(readModel, schema, owner).query(String.class).list());
            }
            return claimed;
        });
        if (taken.isEmpty()) {
            return;
        }
        log.info("rebuilding read models {} in schema {}", taken, schema);
        runner.submit(() -> run(schema, taken));
    }

    /** Rows that no instance has moved for a while are given up, and their schemas dropped; so are schemas no row names. */
    private void takeOverStale() {
        jdbc.sql("delete from read_model_rebuild where updated_at < now() - interval '1 minute'").update();
        for (String orphan : jdbc.sql("""
                        select nspname from pg_namespace where starts_with(nspname, 'rebuild_')
                        and nspname not in (select schema_name from read_model_rebuild)""").query(String.class).list()) {
            jdbc.sql("drop schema if exists " + orphan + " cascade").update();
        }
    }

    private void run(String schema, List<String> readModels) {
        try {
            migrations.readModelsInto(schema);
            String live = jdbc.sql("select current_schema()").query(String.class).single();
            List<EventHandlerInvoker> handlers = readModels.stream().map(this::handlers).toList();
            TrackingToken token = null;
            boolean analyzed = false;
            while (!stopping) {
                List<TrackedEventMessage<?>> events = journal.events(token, BATCH);
                handInParallel(schema, live, handlers, events);
                if (!events.isEmpty()) {
                    token = events.get(events.size() - 1).trackingToken();
                }
                TrackingToken reached = token;
                transactions.executeWithoutResult(status -> progress(schema, reached));
                if (events.size() < BATCH) {
                    if (!analyzed) {
                        // the new tables answer the first query after the switch: with the statistics of full tables
                        readModels.forEach(readModel -> tables.tables(readModel, schema)
                                .forEach(table -> jdbc.sql("analyze " + schema + "." + table).update()));
                        analyzed = true;
                    }
                    if (switched(schema, live, readModels, handlers, token)) {
                        return;
                    }
                }
            }
        } catch (RebuildTakenOver e) {
            log.warn("rebuild of {} in {} was taken over by another instance", readModels, schema);
        } catch (RuntimeException e) {
            log.error("rebuild of read models {} in {} failed; the live tables are unchanged", readModels, schema, e);
        }
        abandon(schema);
    }

    /** The handlers the read model's processor calls, the same beans. */
    private EventHandlerInvoker handlers(String readModel) {
        return processing.eventProcessor(readModel, AbstractEventProcessor.class).orElseThrow(() -> new UnknownReadModel(readModel))
                .eventHandlerInvoker();
    }

    private record Read(TrackingToken token, int events) {
    }

    /**
     * Each read model handles the events in a transaction of its own, the read models side by side (as their
     * processors would, each its own round trips to the database): the journal is read once, the events'
     * payloads deserialized once, here, before they are shared.
     */
    private void handInParallel(String schema, String live, List<EventHandlerInvoker> handlers, List<TrackedEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(event -> {
            event.getPayload();
            event.getMetaData();
        });
        List<Future<?>> handled = handlers.stream().map(handler -> workers.submit(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("set local search_path to " + schema + ", " + live).update();
            // a batch's rows go in a few statements over arrays (BatchedWrites), whose sorts and hashes span the whole batch
            jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
            handle(events, List.of(handler));
        }))).collect(Collectors.toList());
        for (Future<?> done : handled) {
            try {
                done.get();
            } catch (ExecutionException e) {
                handled.forEach(other -> other.cancel(false));
                throw new IllegalStateException("a read model failed to handle events of the journal", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while read models handled events", e);
            }
        }
    }

    /** Reads up to {@code limit} events after the token and has every read model handle them in the new schema; in the caller's transaction. */
    private Read read(String schema, String live, List<EventHandlerInvoker> handlers, TrackingToken after, int limit) {
        jdbc.sql("set local search_path to " + schema + ", " + live).update();
        List<TrackedEventMessage<?>> events = journal.events(after, limit);
        if (events.isEmpty()) {
            return new Read(after, 0);
        }
        handle(events, handlers);
        return new Read(events.get(events.size() - 1).trackingToken(), events.size());
    }

    /** The read models' handlers, event by event, in one unit of work: their batched writes are written when it commits. */
    private static void handle(List<TrackedEventMessage<?>> events, List<EventHandlerInvoker> handlers) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (EventHandlerInvoker handler : handlers) {
                if (handler.canHandle(event, Segment.ROOT_SEGMENT)) {
                    handler.handle(event, Segment.ROOT_SEGMENT);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("a read model failed to handle an event of the journal", result.exceptionResult());
        }
    }

    private void progress(String schema, TrackingToken token) {
        if (jdbc.sql("update read_model_rebuild set position = ?, updated_at = now() where schema_name = ? and owner = ?")
                .params(position(token), schema, owner).update() == 0) {
            throw new RebuildTakenOver();
        }
    }

    /**
     * The switch, in one transaction; false when the live tables could not be taken in time (queries or
     * the live processors held them), to be tried again after another read.
     */
    private boolean switched(String schema, String live, List<String> readModels, List<EventHandlerInvoker> handlers, TrackingToken token) {
        long switchedAt;
        try {
            switchedAt = transactions.execute(status -> {
                jdbc.sql("set local lock_timeout = '2s'").update();
                jdbc.sql("select pg_advisory_xact_lock(?)").param(SWITCH_LOCK).query(rs -> { });
                if (jdbc.sql("select read_model from read_model_rebuild where schema_name = ? and owner = ? for update")
                        .params(schema, owner).query(String.class).list().size() != readModels.size()) {
                    throw new RebuildTakenOver();
                }
                List<String> liveTables = new ArrayList<>();
                List<String> newTables = new ArrayList<>();
                for (String readModel : readModels) {
                    liveTables.addAll(tables.tables(readModel, live));
                    newTables.addAll(tables.tables(readModel, schema));
                }
                liveTables.sort(String::compareTo);
                jdbc.sql("lock table " + String.join(", ", liveTables.stream().map(table -> live + "." + table).toList())
                        + " in access exclusive mode").update();
                TrackingToken last = token;
                for (Read read = read(schema, live, handlers, last, BATCH); read.events() > 0; read = read(schema, live, handlers, last, BATCH)) {
                    last = read.token();
                }
                for (String table : liveTables) {
                    jdbc.sql("drop table " + live + "." + table).update();
                }
                for (String table : newTables) {
                    jdbc.sql("alter table " + schema + "." + table + " set schema " + live).update();
                }
                Journal.StoredToken handedOver = stored(last);
                // claimed by this rebuild from now until Axon's claim timeout: see the class's comment
                String claimedAt = DateTimeUtils.formatInstant(Instant.now());
                readModels.forEach(readModel -> journal.handOver(readModel, handedOver, owner, claimedAt));
                jdbc.sql("delete from read_model_rebuild where schema_name = ?").param(schema).update();
                return position(last);
            });
        } catch (PessimisticLockingFailureException e) {
            log.info("switch of rebuilt read models {} waited too long for their tables; reading on and trying again", readModels);
            return false;
        }
        log.info("read models {} rebuilt; their new tables answer from position {}", readModels, switchedAt);
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
        return true;
    }

    private Journal.StoredToken stored(TrackingToken token) {
        if (token == null) {
            return new Journal.StoredToken(0, null, null);
        }
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        return new Journal.StoredToken(0, serialized.getData(), serialized.getType().getName());
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** Gives up a rebuild: its rows, if still its own, and its schema. */
    private void abandon(String schema) {
        try {
            jdbc.sql("delete from read_model_rebuild where schema_name = ? and owner = ?").params(schema, owner).update();
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        } catch (RuntimeException e) {
            log.warn("could not clean up after the rebuild in {}; the next rebuild request does", schema, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        runner.shutdown();
        runner.awaitTermination(30, TimeUnit.SECONDS);
        workers.shutdown();
    }

    /** This rebuild's rows were taken over by another instance's request, after it had not moved for a while. */
    private static final class RebuildTakenOver extends RuntimeException {
    }
}
