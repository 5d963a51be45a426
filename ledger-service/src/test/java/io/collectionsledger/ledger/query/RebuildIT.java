package io.collectionsledger.ledger.query;

import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model rebuilt from the start of the stream equals the one kept live, whatever happened
 * while it was kept: restarts, the clock moving, close-of-day catching up, writers racing on the
 * same accounts. Every read model is compared, table by table, both ways.
 */
class RebuildIT {

    /** The ledger's own tables and the read models' migration history; every other table is a read model's. */
    private static final Set<String> LEDGER_TABLES = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "command_log", "flyway_schema_history", "flyway_schema_history_projections", "business_day_closed", "event_chain", "read_model_rebuild",
            "access_log", "account_agenda");
    private static final int WRITERS = 4;

    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyReadModelRebuiltFromTheStreamEqualsTheOneKeptLive() throws Exception {
        String database = FreshDatabase.another();
        service = RunningService.start(database, clock);
        writeConcurrently(0);
        clock.advance(Duration.ofDays(20));
        service.send("/admin/close-of-day", "{}");
        service.close();

        clock.advance(Duration.ofDays(45));   // down for 45 days; the start catches up
        service = RunningService.start(database, clock);
        writeConcurrently(1);
        clock.advance(Duration.ofDays(3));
        service.send("/admin/close-of-day", "{}");
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        List<String> tables = readModelTables();
        assertThat(tables).contains("statement_term", "aging_movement", "lookup_fact", "lookup_customer", "lookup_receivable", "lookup_customer_open",
                "lookup_movement", "lookup_collector", "lookup_class", "metrics_fact", "metrics_day",
                "metrics_day_before_event");
        tables.forEach(table -> service.jdbc().sql("create table snap_" + table + " as table " + table).update());

        service.rebuildEveryReadModel();
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        for (String table : tables) {
            assertThat(difference(table, "snap_" + table)).as("rows of %s live but not rebuilt", table).isZero();
            assertThat(difference("snap_" + table, table)).as("rows of %s rebuilt but not live", table).isZero();
        }
        assertThat(service.jdbc().sql("select count(*) from snap_aging_movement").query(Long.class).single()).isPositive();
        assertThat(service.jdbc().sql("select count(*) from snap_lookup_class").query(Long.class).single()).isPositive();
        assertThat(service.jdbc().sql("select count(*) from snap_metrics_day").query(Long.class).single()).isPositive();
    }

    /** Writers on accounts of their own and, all of them, on one shared account. */
    private void writeConcurrently(int round) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            if (round == 0) {
                register("C-SHARED");
            }
            List<Future<Object>> work = IntStream.range(0, WRITERS).mapToObj(writer -> writers.submit(() -> {
                String own = "C-" + writer;
                if (round == 0) {
                    register(own);
                }
                for (int i = 0; i < 3; i++) {
                    String invoice = "INV-" + round + "-" + writer + "-" + i;
                    for (String customer : List.of(own, "C-SHARED")) {
                        service.send("/customers/" + customer + "/invoices", """
                                {"invoiceId": "%s", "occurredOn": "2026-10-01", "amount": {"amount": "900.00", "currency": "%s"},
                                 "terms": [{"termId": "T1", "amount": {"amount": "300.00", "currency": "%2$s"}, "dueDate": "2026-11-01"},
                                           {"termId": "T2", "amount": {"amount": "600.00", "currency": "%2$s"}, "dueDate": "2026-12-01"}]}"""
                                .formatted(invoice, i == 2 ? "USD" : "CNY"));
                        service.send("/customers/" + customer + "/payments", """
                                {"paymentId": "P-%s", "occurredOn": "2026-11-05", "amount": {"amount": "350.00", "currency": "CNY"},
                                 "method": "BANK_TRANSFER", "reference": "wire %1$s"}""".formatted(invoice));
                    }
                }
                service.send("/customers/" + own + "/disputes", """
                        {"disputeId": "D-%d", "occurredOn": "2026-11-06", "invoiceId": "INV-%1$d-%d-0",
                         "amount": {"amount": "100.00", "currency": "CNY"}, "reason": "QUALITY", "description": "cracked"}"""
                        .formatted(round, writer));
                service.send("/customers/" + own + "/invoices/INV-%d-%d-1/classifications".formatted(round, writer), """
                        {"occurredOn": "2026-11-06", "receivableClass": "DOUBTFUL", "reason": "no answer"}""");
                return null;
            })).toList();
            for (Future<Object> done : work) {
                done.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private void register(String customer) {
        service.send("/customers", """
                {"customerId": "%s", "name": "Customer %1$s", "occurredOn": "2026-01-05"}""".formatted(customer));
        service.send("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
        service.send("/customers/" + customer + "/collector-assignments", """
                {"occurredOn": "2026-02-01", "collector": "collector-li", "tier": "B"}""");
    }




    private List<String> readModelTables() {
        return service.jdbc().sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list().stream().filter(table -> !LEDGER_TABLES.contains(table)).toList();
    }

    private long difference(String left, String right) {
        return service.jdbc().sql("select count(*) from (table " + left + " except all table " + right + ") missing")
                .query(Long.class).single();
    }
}
