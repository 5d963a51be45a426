package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the bulk import records customers' histories: a measurement, not a check, so it runs
 * only when asked for, on a fresh database:
 * <pre>
 * mvn -q -T1 -o verify -pl ledger-service -am -Dit.test=ImportThroughputIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dimport.customers=2000 [-Dimport.invoices=20] [-Dimport.processors-paused=true]
 * </pre>
 * As {@code bench/run.sh} imports: whole customers per batch of at most 1,000 items, four batches at
 * once. Each customer is registered, given a collector and a contract, then delivered, invoiced and
 * paid {@code import.invoices} times. Printed: events per second until the last batch is answered,
 * and, until the read models caught up, per event the JVM's CPU (the service, its read models and
 * this test's client alike), the database's commits, and the rows written per table.
 */
@EnabledIfSystemProperty(named = "import.customers", matches = "\\d+")
class ImportThroughputIT {

    private static final int BATCH = 1000;
    private static final int AT_ONCE = 4;

    @Test
    void importCustomersHistories() throws Exception {
        int customers = Integer.getInteger("import.customers");
        int invoices = Integer.getInteger("import.invoices", 20);
        MovableClock clock = new MovableClock(LedgerIT.START);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        try (RunningService service = RunningService.start(FreshDatabase.another(), clock)) {
            Map<String, Writes> rowsBefore = rowsWritten(service);
            long commitsBefore = commits(service);
            long cpuBefore = cpuNanos();
            Map<String, Long> threadsBefore = cpuByThreads();
            Map<Integer, Long> backendsBefore = backendsCpu(service);
            // -Dimport.processors-paused=true: the import alone, to tell its own cost from the read models' beside it
            boolean paused = Boolean.getBoolean("import.processors-paused");
            EventProcessingConfiguration processing = service.bean(EventProcessingConfiguration.class);
            if (paused) {
                CompletableFuture.allOf(processing.eventProcessors().values().stream().map(EventProcessor::shutdownAsync)
                        .toArray(CompletableFuture[]::new)).get();
            }
            AtomicInteger next = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE);
            long start = System.nanoTime();
            try {
                List<Future<Integer>> work = new ArrayList<>();
                for (int t = 0; t < AT_ONCE; t++) {
                    work.add(senders.submit(() -> {
                        int accepted = 0;
                        for (String batch; (batch = nextBatch(next, customers, invoices, today)) != null; ) {
                            JsonNode answer = service.http().post().uri("/imports").contentType(MediaType.APPLICATION_JSON)
                                    .body(batch).retrieve().body(JsonNode.class);
                            assertThat(answer.get("refused").asInt()).as(String.valueOf(answer)).isZero();
                            accepted += answer.get("accepted").asInt();
                        }
                        return accepted;
                    }));
                }
                int commands = 0;
                for (Future<Integer> done : work) {
                    commands += done.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpu = cpuNanos() - cpuBefore;
                long events = service.jdbc().sql("select count(*) from domain_event_entry").query(Long.class).single();
                System.out.printf("import%s: %d commands, %d events in %.1f s, %.0f events/s; %.3f ms of this JVM's CPU per event; "
                                + "load average %.2f%n", paused ? " (processors paused)" : "", commands, events, seconds, events / seconds,
                        cpu / 1e6 / events,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                Map<Integer, Long> backendsAfter = backendsCpu(service);
                long database = backendsAfter.entrySet().stream()
                        .mapToLong(backend -> backend.getValue() - backendsBefore.getOrDefault(backend.getKey(), 0L)).sum();
                System.out.printf("import: PostgreSQL %.3f ms of CPU per event (this database's %d connections)%n",
                        database / 1e6 / events, backendsAfter.size());
                Map<String, Long> threadsAfter = cpuByThreads();
                threadsAfter.forEach((threads, nanos) -> System.out.printf("import: %s threads %.3f ms of CPU per event%n",
                        threads, (nanos - threadsBefore.getOrDefault(threads, 0L)) / 1e6 / events));
                if (paused) {
                    processing.eventProcessors().values().forEach(EventProcessor::start);
                }
                service.awaitReadModelsCaughtUp(Duration.ofMinutes(30));
                double caughtUp = (System.nanoTime() - start) / 1e9;
                cpu = cpuNanos() - cpuBefore;
                // the database's statistics of a connection reach pg_stat_* when it commits or within its idle interval (10 s)
                Thread.sleep(11_000);
                long commits = commits(service) - commitsBefore;
                Map<String, Writes> rowsAfter = rowsWritten(service);
                System.out.printf("import: read models caught up after %.1f s; until then per event %.3f ms of this JVM's CPU, "
                        + "%.4f commits (all of this database's)%n", caughtUp, cpu / 1e6 / events, (double) commits / events);
                rowsAfter.forEach((table, rows) -> {
                    Writes written = rows.minus(rowsBefore.getOrDefault(table, new Writes(0, 0, 0)));
                    if (written.inserted() + written.updated() > 0) {
                        System.out.printf("import: %s %.3f rows inserted and %.3f updated per event, %.3f of them HOT%n", table,
                                (double) written.inserted() / events, (double) written.updated() / events, (double) written.hot() / events);
                    }
                });
            } finally {
                senders.shutdown();
            }
        }
    }

    /** Whole customers, up to {@value #BATCH} items; null when every customer was sent. */
    private static String nextBatch(AtomicInteger next, int customers, int invoices, LocalDate today) {
        StringBuilder items = new StringBuilder("{\"items\": [");
        int count = 0;
        while (count + 3 + 3 * invoices <= BATCH || count == 0) {
            int n = next.getAndIncrement();
            if (n >= customers) {
                break;
            }
            for (String item : history(n, invoices, today)) {
                items.append(count++ == 0 ? "" : ",").append(item);
            }
        }
        return count == 0 ? null : items.append("]}").toString();
    }

    /** A customer of the last two years who was delivered, invoiced and paid on time every few weeks. */
    private static List<String> history(int n, int invoices, LocalDate today) {
        String c = "IMP-%06d".formatted(n);
        LocalDate registered = today.minusDays(700);
        List<String> items = new ArrayList<>();
        items.add(item(c + "-reg", "RegisterCustomer", """
                {"customerId": "%s", "name": "Import Trading Co. %d", "occurredOn": "%s"}""".formatted(c, n, registered)));
        items.add(item(c + "-col", "AssignCollector", """
                {"customerId": "%s", "occurredOn": "%s", "collector": "collector-%d", "tier": "B"}""".formatted(c, registered, n % 25)));
        items.add(item(c + "-k1", "RecordContract", """
                {"customerId": "%s", "contractId": "K-1", "occurredOn": "%s",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-1-%d-stamped.pdf"}],
                 "paymentTerms": [{"termId": "NET", "percent": 100, "trigger": "ON_INVOICE", "days": 30}],
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true},
                 "disputeClause": {"forum": "LITIGATION", "body": "Shanghai Pudong New Area People's Court"}}"""
                .formatted(c, registered.plusDays(10), n)));
        for (int j = 0; j < invoices; j++) {
            LocalDate issued = registered.plusDays(20 + 600L * j / Math.max(1, invoices));
            String amount = "{\"amount\": \"%d.%02d\", \"currency\": \"CNY\"}".formatted(1_000 + (n * 31 + j * 17) % 99_000, j % 100);
            items.add(item(c + "-d" + j, "RecordDelivery", """
                    {"customerId": "%s", "deliveryId": "D-%d", "occurredOn": "%s", "details": {"kind": "GOODS", "contractId": "K-1",
                     "description": "%d t cement, grade 42.5",
                     "signedReceipt": {"signedBy": "warehouse keeper", "signedOn": "%3$s", "documentRef": "DN-%d-%2$d.pdf"}}}"""
                    .formatted(c, j, issued, 5 + j % 40, n)));
            items.add(item(c + "-i" + j, "IssueInvoice", """
                    {"customerId": "%s", "invoiceId": "INV-%d", "contractId": "K-1", "occurredOn": "%s", "amount": %s,
                     "deliveryIds": ["D-%2$d"], "documentRef": "fapiao-%d-%2$d.pdf"}""".formatted(c, j, issued, amount, n)));
            items.add(item(c + "-p" + j, "RecordPayment", """
                    {"customerId": "%s", "paymentId": "P-%d", "occurredOn": "%s", "amount": %s, "method": "BANK_TRANSFER",
                     "reference": "BANK-%d-%2$d"}""".formatted(c, j, issued.plusDays(28), amount, n)));
        }
        return items;
    }

    private static String item(String commandId, String type, String command) {
        return "{\"commandId\": \"" + commandId + "\", \"type\": \"" + type + "\", \"command\": " + command + "}";
    }

    /** What was written to one table so far: rows inserted, rows updated, and of those updates the HOT ones (no index entry written). */
    private record Writes(long inserted, long updated, long hot) {
        Writes minus(Writes before) {
            return new Writes(inserted - before.inserted, updated - before.updated, hot - before.hot);
        }
    }

    private static Map<String, Writes> rowsWritten(RunningService service) {
        Map<String, Writes> rows = new TreeMap<>();
        service.jdbc().sql("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables")
                .query(rs -> {
                    rows.put(rs.getString(1), new Writes(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        service.jdbc().sql("select pg_stat_clear_snapshot()").query(rs -> {
        });
        return rows;
    }

    private static long commits(RunningService service) {
        long commits = service.jdbc().sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
        service.jdbc().sql("select pg_stat_clear_snapshot()").query(rs -> {
        });
        return commits;
    }

    /**
     * The CPU time of the threads alive now, by what they do: the requests (the import itself), the
     * processors (read models and publication), the scheduled tasks (the chainer among them), the rest.
     */
    private static Map<String, Long> cpuByThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            String name = thread.getThreadName();
            String group = name.startsWith("http-nio") ? "request"
                    : name.startsWith("WorkPackage") || name.startsWith("Coordinator") ? "processor"
                    : name.startsWith("scheduling") ? "scheduled" : "other";
            cpu.merge(group, Math.max(0, threads.getThreadCpuTime(thread.getThreadId())), Long::sum);
        }
        return cpu;
    }

    /**
     * The CPU time of this database's server processes (the service's connections), from /proc: the
     * database runs on this machine. Empty where it cannot be read.
     */
    private static Map<Integer, Long> backendsCpu(RunningService service) {
        Map<Integer, Long> cpu = new TreeMap<>();
        long nanosPerTick = 1_000_000_000L / 100; // USER_HZ
        for (Integer pid : service.jdbc().sql("select pid from pg_stat_activity where datname = current_database()")
                .query(Integer.class).list()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * nanosPerTick);
            } catch (IOException | RuntimeException unreadable) {
                // another machine's database, or a connection closed since
            }
        }
        return cpu;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
