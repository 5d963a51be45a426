package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.journal.Journal;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Instant;

/**
 * Asks a read model a query once it has processed the position the caller named, and answers with
 * the position the answer reflects ({@code Ledger-Position}), read from the read model's tokens in the
 * answer's own transaction: the query bus joins the one opened here (REPEATABLE READ, read-only), so
 * the tokens and the tables are read from one snapshot, after the query has locked its tables
 * ({@link ReadModelSnapshots}).
 */
@Component
class ReadModelQueries {

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final Journal journal;
    private final TransactionTemplate snapshot;

    ReadModelQueries(QueryGateway queries, ReadModelPositions positions, Journal journal, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.positions = positions;
        this.journal = journal;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** @param customerId the account the query is about, so that only the segment holding its events is awaited; null for all */
    <R> R ask(String processingGroup, String customerId, MinPosition minPosition, Object query, Class<R> answer) {
        positions.awaitProcessed(processingGroup, customerId, minPosition.position(), minPosition.prefer());
        return answer(processingGroup, customerId, query, answer);
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
        return answer(processingGroup, customerId, query, answer);
    }

    private <R> R answer(String processingGroup, String customerId, Object query, Class<R> answer) {
        return snapshot.execute(status -> {
            R result = queries.query(query, ResponseTypes.instanceOf(answer)).join();
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request && request.getResponse() != null) {
                request.getResponse().setHeader(Headers.POSITION, Long.toString(positions.reflected(processingGroup, customerId)));
            }
            return result;
        });
    }
}
