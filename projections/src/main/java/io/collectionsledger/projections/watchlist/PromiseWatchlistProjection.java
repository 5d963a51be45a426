package io.collectionsledger.projections.watchlist;

import io.collectionsledger.contracts.collection.CollectorAssigned;
import io.collectionsledger.contracts.collection.ContactAttemptLogged;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.PaymentReversed;
import io.collectionsledger.contracts.promise.PaymentPromiseBroken;
import io.collectionsledger.contracts.promise.PaymentPromiseKept;
import io.collectionsledger.contracts.promise.PaymentPromiseOutcomeCorrected;
import io.collectionsledger.contracts.promise.PaymentPromisePartiallyKept;
import io.collectionsledger.contracts.promise.PaymentPromiseRecorded;
import io.collectionsledger.contracts.promise.PromiseOutcome;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.contracts.watchlist.PromiseBreaches;
import io.collectionsledger.contracts.watchlist.PromiseBreachesQuery;
import io.collectionsledger.contracts.watchlist.PromiseRates;
import io.collectionsledger.contracts.watchlist.PromiseRatesQuery;
import io.collectionsledger.contracts.watchlist.PromisesDue;
import io.collectionsledger.contracts.watchlist.PromisesDueQuery;
import io.collectionsledger.projections.shared.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The promise-breach watchlist's facts: every promise to pay, every outcome the ledger recorded
 * for it (the close of day judges promises; a payment recorded late may correct the outcome),
 * the payments that may settle a promise, contact attempts and collector assignments. The
 * watchlist never judges a promise itself: it shows what the ledger recorded, and adds only how
 * late the promised money came ({@link PromiseBook}).
 */
@Component
@ProcessingGroup(PromiseWatchlistProjection.PROCESSING_GROUP)
public class PromiseWatchlistProjection {

    public static final String PROCESSING_GROUP = "promise-watchlist";

    private final JdbcClient jdbc;
    private final BatchedWrites.Statement promises;
    private final BatchedWrites.Statement outcomes;
    private final BatchedWrites.Statement payments;
    private final BatchedWrites.Statement reversals;
    private final BatchedWrites.Statement contacts;
    private final BatchedWrites.Statement assignments;

    /** Every table only grows, and no handler reads what another wrote: every row can wait for the batch's end. */
    public PromiseWatchlistProjection(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        BatchedWrites writes = new BatchedWrites(jdbcTemplate);
        this.promises = writes.statement("""
                insert into watchlist_promise (customer_id, promise_id, currency, amount, promised_date, form, collector, document_ref,
                                               occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.outcomes = writes.statement("""
                insert into watchlist_outcome (customer_id, promise_id, outcome, corrects, payment_id, received, shortfall,
                                               occurred_on, recorded_at, sequence_number, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.payments = writes.statement("""
                insert into watchlist_payment (customer_id, payment_id, currency, amount, occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?, ?, ?)""");
        this.reversals = writes.statement("""
                insert into watchlist_payment_reversal (customer_id, payment_id, occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?)""");
        this.contacts = writes.statement("""
                insert into watchlist_contact (customer_id, contact_id, collector, occurred_on, recorded_at, event_id)
                values (?, ?, ?, ?, ?, ?)""");
        this.assignments = writes.statement("""
                insert into watchlist_assignment (customer_id, collector, occurred_on, recorded_at, sequence_number, event_id)
                values (?, ?, ?, ?, ?, ?)""");
    }

    @EventHandler
    void on(PaymentPromiseRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        promises.add(event.customerId(), event.promiseId(), event.amount().currency(), event.amount().amount(), event.promisedDate(),
                event.form().name(), event.collector(), event.documentRef(), event.occurredOn(), java.sql.Timestamp.from(at), eventId);
    }

    @EventHandler
    void on(PaymentPromiseKept event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.KEPT, null, null, event.received(), event.shortfall(),
                event.occurredOn(), at, sequence, eventId);
    }

    @EventHandler
    void on(PaymentPromisePartiallyKept event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.PARTIALLY_KEPT, null, null, event.received(), event.shortfall(),
                event.occurredOn(), at, sequence, eventId);
    }

    @EventHandler
    void on(PaymentPromiseBroken event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), event.promiseId(), PromiseOutcome.BROKEN, null, null, event.received(), event.shortfall(),
                event.occurredOn(), at, sequence, eventId);
    }

    @EventHandler
    void on(PaymentPromiseOutcomeCorrected event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcome(event.customerId(), event.promiseId(), event.corrected(), event.previous(), event.paymentId(), event.received(), event.shortfall(),
                event.occurredOn(), at, sequence, eventId);
    }

    @EventHandler
    void on(PaymentRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        payments.add(event.customerId(), event.paymentId(), event.amount().currency(), event.amount().amount(), event.occurredOn(),
                java.sql.Timestamp.from(at), eventId);
    }

    @EventHandler
    void on(PaymentReversed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        reversals.add(event.customerId(), event.paymentId(), event.occurredOn(), java.sql.Timestamp.from(at), eventId);
    }

    @EventHandler
    void on(ContactAttemptLogged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        contacts.add(event.customerId(), event.contactId(), event.collector(), event.occurredOn(), java.sql.Timestamp.from(at), eventId);
    }

    @EventHandler
    void on(CollectorAssigned event, @MessageIdentifier String eventId, @SequenceNumber long sequence, @Timestamp Instant at) {
        assignments.add(event.customerId(), event.collector(), event.occurredOn(), java.sql.Timestamp.from(at), sequence, eventId);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("""
                truncate watchlist_promise, watchlist_outcome, watchlist_payment, watchlist_payment_reversal,
                         watchlist_contact, watchlist_assignment""").update();
    }

    @QueryHandler
    public PromisesDue handle(PromisesDueQuery query) {
        return PromiseBook.load(jdbc, query.asOf(), query.knownAt(), query.customerId()).due(query.dueWithinDays());
    }

    @QueryHandler
    public PromiseBreaches handle(PromiseBreachesQuery query) {
        return PromiseBook.load(jdbc, query.asOf(), query.knownAt(), query.customerId()).breaches(query.repeatedAt());
    }

    @QueryHandler
    public PromiseRates handle(PromiseRatesQuery query) {
        return PromiseBook.load(jdbc, query.asOf(), query.knownAt(), null).rates(query, PromiseBook.contacts(jdbc, query));
    }

    private void outcome(String customerId, String promiseId, PromiseOutcome outcome, PromiseOutcome corrects, String paymentId,
                         Money received, Money shortfall, LocalDate occurredOn, Instant at, long sequence, String eventId) {
        outcomes.add(customerId, promiseId, outcome.name(), corrects == null ? null : corrects.name(), paymentId, received.amount(),
                shortfall.amount(), occurredOn, java.sql.Timestamp.from(at), sequence, eventId);
    }
}
