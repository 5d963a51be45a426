package io.collectionsledger.ledger.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks a read model a query once it has processed the position the caller named. */
@Component
class ReadModelQueries {

    private final QueryGateway queries;
    private final ReadModelPositions positions;

    ReadModelQueries(QueryGateway queries, ReadModelPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    /** @param customerId the account the query is about, so that only the segment holding its events is awaited; null for all */
    <R> R ask(String processingGroup, String customerId, MinPosition minPosition, Object query, Class<R> answer) {
        positions.awaitProcessed(processingGroup, customerId, minPosition.position(), minPosition.prefer());
        return queries.query(query, ResponseTypes.instanceOf(answer)).join();
    }
}
