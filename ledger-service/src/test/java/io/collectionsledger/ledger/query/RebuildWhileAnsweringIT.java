package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild never answers half a report. While every read model is rebuilt again and again (each time
 * after the live processors have taken the last rebuild's tables on), a writer keeps issuing invoices
 * and readers keep asking for the aging of one customer and of the portfolio;
 * each answer says the position it reflects ({@code Ledger-Position}). Every customer's answer is
 * exactly the sum of that customer's invoices up to its position (the state the old tables or the
 * new ones had there), and the portfolio's holds at least every invoice up to its position (its
 * customers' segments may each be further on) and never more than was written.
 */
class RebuildWhileAnsweringIT {

    private static final int CUSTOMERS = 4;
    private static final int REBUILDS = 4;
    private static final int INVOICES_BEFORE = 120;

    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    private record Written(String customerId, long position, BigDecimal amount) {
    }

    private record Answer(String customerId, long position, BigDecimal total, boolean duringRebuild) {
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyAnswerDuringRebuildsIsACompleteStateAtThePositionItStates() throws Exception {
        // a switch leaves the read models unprocessed until the claim it hands over times out (10 s in production);
        // 3 s here, still three times the live processors' claim extension, keeps the test short
        service = RunningService.start(FreshDatabase.another(), clock, "--axon.eventhandling.tokenstore.claim-timeout=3s");
        for (int c = 0; c < CUSTOMERS; c++) {
            register("C-" + c);
        }
        Queue<Written> written = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < INVOICES_BEFORE; i++) {
            written.add(invoice(i));
        }
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean rebuilding = new AtomicBoolean();
        Queue<Answer> customers = new ConcurrentLinkedQueue<>();
        Queue<Answer> portfolios = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = INVOICES_BEFORE; running.get(); i++) {
                written.add(invoice(i));
            }
        });
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    String customer = "C-" + ThreadLocalRandom.current().nextInt(CUSTOMERS);
                    boolean during = rebuilding.get();
                    customers.add(aging("/aging?customerId=" + customer, customer, during));
                    portfolios.add(aging("/aging", null, during));
                }
            }));
        }
        try {
            for (int rebuild = 0; rebuild < REBUILDS; rebuild++) {
                rebuilding.set(true);
                service.rebuildEveryReadModel();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> noneRebuilding());
                rebuilding.set(false);
                // the live processors take the new tables on from where the rebuild stopped: answers from both
                long switched = readModels().get(0).get("journalHead").asLong();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> liveProcessingPast(switched));
            }
        } finally {
            running.set(false);
        }
        writer.get();
        for (CompletableFuture<Void> reader : readers) {
            reader.get();
        }

        List<String> wrong = new ArrayList<>();
        for (Answer answer : customers) {
            BigDecimal expected = written.stream().filter(w -> w.customerId().equals(answer.customerId()) && w.position() <= answer.position())
                    .map(Written::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (expected.compareTo(answer.total()) != 0) {
                wrong.add(answer + " but " + expected + " was written up to its position");
            }
        }
        BigDecimal everything = written.stream().map(Written::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Answer answer : portfolios) {
            BigDecimal upTo = written.stream().filter(w -> w.position() <= answer.position()).map(Written::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (answer.total().compareTo(upTo) < 0 || answer.total().compareTo(everything) > 0) {
                wrong.add(answer + " but " + upTo + " was written up to its position and " + everything + " in all");
            }
        }
        long during = customers.stream().filter(Answer::duringRebuild).count() + portfolios.stream().filter(Answer::duringRebuild).count();
        System.out.printf("rebuild-while-answering: %d rebuilds of every read model, %d invoices written, %d customer answers and "
                + "%d portfolio answers checked (%d while a rebuild was under way), %d wrong%n",
                REBUILDS, written.size(), customers.size(), portfolios.size(), during, wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(during).isPositive();
    }

    private JsonNode readModels() {
        return service.http().get().uri("/admin/read-models").retrieve().body(JsonNode.class);
    }

    private boolean noneRebuilding() {
        for (JsonNode model : readModels()) {
            if (model.get("rebuilding").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** Every segment of every read model has processed events past the position. */
    private boolean liveProcessingPast(long position) {
        for (JsonNode model : readModels()) {
            for (JsonNode segment : model.get("segments")) {
                if (segment.asLong() <= position) {
                    return false;
                }
            }
        }
        return true;
    }

    private Answer aging(String uri, String customerId, boolean duringRebuild) {
        ResponseEntity<JsonNode> answer = service.http().get().uri(uri).retrieve().toEntity(JsonNode.class);
        String position = answer.getHeaders().getFirst(Headers.POSITION);
        assertThat(position).as("the position %s reflects", uri).isNotNull();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : answer.getBody().get(customerId == null ? "totals" : "customers")) {
            if (row.get("currency").asText().equals("CNY")) {
                total = total.add(new BigDecimal(row.at("/total/amount").asText()));
            }
        }
        return new Answer(customerId, Long.parseLong(position), total, duringRebuild);
    }

    /** The i-th invoice: to each customer in turn, of an amount that differs from the last. */
    private Written invoice(int i) {
        String customer = "C-" + i % CUSTOMERS;
        BigDecimal amount = new BigDecimal(100 + i % 9 * 25 + ".50");
        String position = command("/customers/" + customer + "/invoices", """
                {"invoiceId": "INV-%d", "occurredOn": "2026-10-01", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%2$s", "currency": "CNY"}, "dueDate": "2026-11-01"}]}"""
                .formatted(i, amount.toPlainString())).getHeaders().getFirst(Headers.POSITION);
        return new Written(customer, Long.parseLong(position), amount);
    }

    private void register(String customer) {
        command("/customers", """
                {"customerId": "%s", "name": "Customer %1$s", "occurredOn": "2026-01-05"}""".formatted(customer));
        command("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
    }

    private ResponseEntity<Void> command(String path, String json) {
        return service.http().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .body(json).retrieve().toBodilessEntity();
    }
}
