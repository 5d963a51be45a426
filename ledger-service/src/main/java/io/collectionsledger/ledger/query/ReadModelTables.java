package io.collectionsledger.ledger.query;

import io.collectionsledger.projections.aging.AgingProjection;
import io.collectionsledger.projections.credit.CreditDecisionProjection;
import io.collectionsledger.projections.dossier.CustomerDossierProjection;
import io.collectionsledger.projections.evidence.EvidenceChecklistProjection;
import io.collectionsledger.projections.lookup.CustomerLookupProjection;
import io.collectionsledger.projections.metrics.PortfolioMetricsProjection;
import io.collectionsledger.projections.statement.CustomerStatementProjection;
import io.collectionsledger.projections.watchlist.PromiseWatchlistProjection;
import io.collectionsledger.projections.worklist.WorklistProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables are whose: every table of a read model starts with its prefix (the read models'
 * migrations keep to that), and which read model answers each query type. A rebuild builds these
 * tables anew and switches them; a query locks them before it reads (see {@link ReadModelSnapshots}).
 * A read model added later gets its line here; the service refuses to start without it.
 */
@Component
public class ReadModelTables {

    private static final Map<String, String> PREFIXES = Map.of(
            CustomerStatementProjection.PROCESSING_GROUP, "statement_",
            AgingProjection.PROCESSING_GROUP, "aging_",
            EvidenceChecklistProjection.PROCESSING_GROUP, "evidence_",
            PromiseWatchlistProjection.PROCESSING_GROUP, "watchlist_",
            WorklistProjection.PROCESSING_GROUP, "worklist_",
            CreditDecisionProjection.PROCESSING_GROUP, "credit_",
            CustomerDossierProjection.PROCESSING_GROUP, "dossier_",
            CustomerLookupProjection.PROCESSING_GROUP, "lookup_",
            PortfolioMetricsProjection.PROCESSING_GROUP, "metrics_");

    private final JdbcClient jdbc;
    /** The read model that answers each query type, from the {@code @QueryHandler}s of the beans of each processing group. */
    private final Map<Class<?>, String> answeredBy = new HashMap<>();

    ReadModelTables(JdbcClient jdbc, ApplicationContext context) {
        this.jdbc = jdbc;
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            String group = type.getAnnotation(ProcessingGroup.class).value();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(QueryHandler.class)) {
                    if (!PREFIXES.containsKey(group)) {
                        throw new IllegalStateException("read model " + group + " has no table prefix in ReadModelTables");
                    }
                    answeredBy.put(method.getParameterTypes()[0], group);
                }
            }
        });
    }

    /** Every read model that has tables. */
    public static Set<String> readModels() {
        return PREFIXES.keySet();
    }

    /** The read model answering queries of this type, or null for a query no read model answers. */
    String answering(Class<?> queryType) {
        return answeredBy.get(queryType);
    }

    /** The read model's tables in the schema, by name: everyone locking several of them takes them in this order. */
    public List<String> tables(String readModel, String schema) {
        String prefix = PREFIXES.get(readModel);
        if (prefix == null) {
            throw new IllegalArgumentException("no read model " + readModel);
        }
        return jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = ? and c.relkind in ('r', 'p') and starts_with(c.relname, ?)
                        order by c.relname collate "C"
                        """)
                .params(schema, prefix).query(String.class).list();
    }
}
