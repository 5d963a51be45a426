package io.collectionsledger.ledger.query;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * One answer, one set of tables. Each query is answered in one transaction at REPEATABLE READ (one
 * snapshot, see the query bus in {@code AxonConfiguration}), but PostgreSQL finds a table by its name
 * in the catalog as it is at each statement, not in the snapshot: a rebuild switching a read model's
 * tables between two statements of one answer would have it read the old tables, then the new ones.
 * So before its first statement a query takes every table of its read model in ACCESS SHARE mode,
 * by name, in the order {@link ReadModelTables} gives (the one a switch takes them in). Either the
 * switch waits for the answer, which reads the old tables throughout, or the answer waits for the
 * switch and finds the new tables; its snapshot is taken after the lock (a LOCK takes none), so it
 * sees them with the tokens the switch wrote.
 */
@Component
class ReadModelSnapshots implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    private final JdbcClient jdbc;
    private final ReadModelTables tables;
    /** Each read model's LOCK statement, made at the start: made in a query's transaction, its catalog query would take the snapshot first. */
    private final Map<String, String> locks = new HashMap<>();

    ReadModelSnapshots(JdbcClient jdbc, ReadModelTables tables, QueryBus queryBus) {
        this.jdbc = jdbc;
        this.tables = tables;
        // the names resolve as the read models' own statements resolve them: through the search path
        String schema = jdbc.sql("select current_schema()").query(String.class).single();
        ReadModelTables.readModels().forEach(readModel ->
                locks.put(readModel, "lock table " + String.join(", ", tables.tables(readModel, schema)) + " in access share mode"));
        queryBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        String readModel = tables.answering(unitOfWork.getMessage().getPayloadType());
        if (readModel != null) {
            jdbc.sql(locks.get(readModel)).update();
        }
        return chain.proceed();
    }
}
