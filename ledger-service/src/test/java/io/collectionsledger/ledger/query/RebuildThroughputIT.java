package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast every read model is rebuilt from a journal of a few hundred thousand events: a
 * measurement, not a check, so it runs only when asked for, on a database kept between runs
 * (filling it takes minutes):
 * <pre>
 * createdb -h 127.0.0.1 -U postgres rebuild_bench
 * mvn -q -T1 -o verify -pl ledger-service -am -Dit.test=RebuildThroughputIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drebuild.database=jdbc:postgresql://127.0.0.1:5432/rebuild_bench -Drebuild.copies=1000
 * </pre>
 * The journal is a small history written through the service (every customer's invoices,
 * payments, promises, disputes, deliveries, and a close of day with late fees and promise
 * outcomes), copied {@code rebuild.copies} times in SQL under other customer ids. Then every
 * read model is rebuilt at once, as the benchmark does, and the time until every segment of
 * every read model has reached the journal's head is printed as events per second.
 */
@EnabledIfSystemProperty(named = "rebuild.database", matches = ".+")
class RebuildThroughputIT {

    private static final int CUSTOMERS = 8;
    private static final int INVOICES = 10;

    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void rebuildEveryReadModel() throws Exception {
        service = RunningService.start(System.getProperty("rebuild.database"), clock);
        if (journalHead() == 0) {
            writeHistory();
            copyHistory(Integer.getInteger("rebuild.copies", 1000));
        }
        long events = service.jdbc().sql("select count(*) from domain_event_entry").query(Long.class).single();
        service.awaitReadModelsCaughtUp(Duration.ofMinutes(60));
        // the audit chain hashes new events in the background; measured beside the rebuild, it would slow it
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1)).until(() -> service.jdbc()
                .sql("select coalesce(max(global_index), 0) from event_chain").query(Long.class).single() >= journalHead());

        List<Long> liveBefore = liveTables();
        assertThat(liveBefore).hasSize(6);
        long start = System.nanoTime();
        service.rebuildEveryReadModel();
        service.awaitReadModelsCaughtUp(Duration.ofMinutes(60));
        double seconds = (System.nanoTime() - start) / 1e9;
        // a rebuild that failed leaves the live tables as they were and looks caught up at once: a figure only for tables replaced
        assertThat(liveTables()).as("the rebuilt tables replaced every live one").doesNotContainAnyElementsOf(liveBefore);

        System.out.printf("rebuild of every read model: %d events in %.1f s, %.0f events/s%n", events, seconds, events / seconds);
    }

    /** The identities of one table of each read model, which a switch to rebuilt tables changes. */
    private List<Long> liveTables() {
        return service.jdbc().sql("""
                        select c.oid from pg_class c
                        where c.relnamespace = current_schema()::regnamespace
                          and c.relname in ('aging_term', 'credit_customer', 'dossier_customer', 'evidence_fact', 'lookup_customer', 'metrics_fact')""")
                .query(Long.class).list();
    }

    private void writeHistory() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            List<Future<Object>> work = IntStream.range(0, CUSTOMERS).mapToObj(n -> writers.submit(() -> {
                writeCustomer("C-" + n);
                return null;
            })).toList();
            for (Future<Object> done : work) {
                done.get();
            }
        } finally {
            writers.shutdown();
        }
        clock.advance(Duration.ofDays(20));
        service.send("/admin/close-of-day", "{}");
        service.awaitReadModelsCaughtUp(Duration.ofMinutes(5));
    }

    private void writeCustomer(String customer) {
        service.send("/customers", """
                {"customerId": "%s", "name": "Customer %1$s", "occurredOn": "2026-01-05"}""".formatted(customer));
        service.send("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
        for (int i = 0; i < INVOICES; i++) {
            service.send("/customers/" + customer + "/deliveries", """
                    {"deliveryId": "D-%d", "occurredOn": "2026-09-20", "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                     "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-09-20", "documentRef": "DN-%1$d.pdf"}}}""".formatted(i));
            service.send("/customers/" + customer + "/invoices", """
                    {"invoiceId": "INV-%d", "contractId": "K-1", "occurredOn": "2026-10-01", "amount": {"amount": "900.00", "currency": "CNY"},
                     "terms": [{"termId": "T1", "amount": {"amount": "300.00", "currency": "CNY"}, "dueDate": "2026-11-01"},
                               {"termId": "T2", "amount": {"amount": "600.00", "currency": "CNY"}, "dueDate": "2026-12-01"}],
                     "deliveryIds": ["D-%1$d"]}""".formatted(i));
            service.send("/customers/" + customer + "/payments", """
                    {"paymentId": "P-%d", "occurredOn": "2026-11-05", "amount": {"amount": "350.00", "currency": "CNY"},
                     "method": "BANK_TRANSFER", "reference": "wire %1$d"}""".formatted(i));
        }
        service.send("/customers/" + customer + "/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-11-20", "amount": {"amount": "500.00", "currency": "CNY"},
                 "promisedDate": "2026-11-30", "form": "WRITTEN", "collector": "collector-li", "documentRef": "commitment.pdf"}""");
        service.send("/customers/" + customer + "/disputes", """
                {"disputeId": "DSP-1", "occurredOn": "2026-11-21", "invoiceId": "INV-0", "amount": {"amount": "100.00", "currency": "CNY"},
                 "reason": "QUALITY", "description": "cracked"}""");
    }

    /**
     * Every customer's events again under another customer id, as if written by other customers
     * later: same types, same payload sizes, sequenced per account as the journal requires.
     */
    private void copyHistory(int copies) {
        for (int copy = 1; copy <= copies; copy++) {
            service.jdbc().sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                            payload_type, payload_revision, payload, meta_data)
                            select gen_random_uuid()::text, aggregate_identifier || '-' || ?, sequence_number, type, time_stamp,
                                   payload_type, payload_revision,
                                   convert_to(replace(convert_from(payload, 'UTF8'), '"customerId":"' || aggregate_identifier || '"',
                                                      '"customerId":"' || aggregate_identifier || '-' || ? || '"'), 'UTF8'),
                                   meta_data
                            from domain_event_entry
                            where aggregate_identifier in (select 'C-' || n from generate_series(0, ? - 1) n)
                            order by global_index""")
                    .params(copy, copy, CUSTOMERS)
                    .update();
        }
        assertThat(journalHead()).isPositive();
    }

    private long journalHead() {
        return service.jdbc().sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }



}
