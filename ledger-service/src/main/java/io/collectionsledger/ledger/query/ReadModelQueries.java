package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.journal.Journal;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Asks a read model a query once it has processed the position the caller named. */
@Component
class ReadModelQueries {

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final Journal journal;

    ReadModelQueries(QueryGateway queries, ReadModelPositions positions, Journal journal) {
        this.queries = queries;
        this.positions = positions;
        this.journal = journal;
    }

    /** @param customerId the account the query is about, so that only the segment holding its events is awaited; null for all */
    <R> R ask(String processingGroup, String customerId, MinPosition minPosition, Object query, Class<R> answer) {
        positions.awaitProcessed(processingGroup, customerId, minPosition.position(), minPosition.prefer());
        return queries.query(query, ResponseTypes.instanceOf(answer)).join();
    }

    /**
     * The same, for a report about one customer (its statement, its aging, its evidence, a
     * watchlist narrowed to it): answered only for a customer the journal knew at {@code knownAt},
     * since an empty report for a mistyped id would read as a customer that owes nothing. Asked
     * once the read model has reached the caller's position. The credit decision answers for
     * unknown customers on purpose (UNKNOWN_CUSTOMER) and does not come here.
     *
     * @throws UnknownCustomer when the journal had recorded no registration of the customer by {@code knownAt}
     */
    <R> R askAbout(String customerId, Instant knownAt, String processingGroup, MinPosition minPosition, Object query, Class<R> answer) {
        positions.awaitProcessed(processingGroup, customerId, minPosition.position(), minPosition.prefer());
        if (!journal.opened(customerId, knownAt)) {
            throw new UnknownCustomer(customerId, knownAt);
        }
        return queries.query(query, ResponseTypes.instanceOf(answer)).join();
    }
}
