package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.examples.orderholds.LedgerFeed;
import io.collectionsledger.examples.orderholds.OrderHolds;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.TestBroker;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example consumer (examples/order-holds): an ordering service's view of which customers have
 * their orders held, fed only by the ledger. It starts late, while holds are being recorded, catches
 * up from the history and switches to its queue, and ends with the journal's answer, every event
 * applied once.
 */
class OrderHoldsIT extends LedgerIT {

    private static final String OVERDUE_INVOICE = """
            {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
             "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}""";
    private static final String SETTLEMENT = """
            {"paymentId": "P-1", "occurredOn": "2026-11-24", "amount": {"amount": "1000.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}""";

    private void send(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(CALLER);
        headers.set(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        assertThat(http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class).getStatusCode())
                .as(path).isEqualTo(HttpStatus.OK);
    }

    private void overdue(String customerId) {
        send("/customers", """
                {"customerId": "%s", "name": "Late payer", "occurredOn": "2026-01-05"}""".formatted(customerId));
        send("/customers/" + customerId + "/invoices", OVERDUE_INVOICE);
    }

    private void closeTheDay() {
        send("/admin/close-of-day", "{}");
    }

    /** Who is held, by the journal: the customers whose last hold event holds them. */
    private Set<String> heldByTheJournal() {
        return Set.copyOf(jdbc.sql("""
                        select aggregate_identifier from (
                          select distinct on (aggregate_identifier) aggregate_identifier, payload_type from domain_event_entry
                          where payload_type in ('time.OrdersHeld', 'time.OrdersReleased')
                          order by aggregate_identifier, sequence_number desc) last
                        where payload_type = 'time.OrdersHeld'""").query(String.class).list());
    }

    private long holdEventsInTheJournal() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type in ('time.OrdersHeld', 'time.OrdersReleased')")
                .query(Long.class).single();
    }

    @Test
    void anOrderingServiceThatStartsLateCatchesUpFromTheHistoryThenFollowsItsQueueWithNoGapAndNoDouble() throws Exception {
        List<String> customers = IntStream.range(0, 6).mapToObj(i -> customer + "-" + i).toList();
        // before the ordering service exists: three customers held, one released again
        customers.subList(0, 3).forEach(this::overdue);
        closeTheDay();
        send("/customers/" + customers.get(0) + "/payments", SETTLEMENT);

        TestBroker broker = TestBroker.shared();
        LedgerFeed.Settings settings = new LedgerFeed.Settings(URI.create(http.getRootUri()), Tokens.mint("ordering", "service"),
                "amqp://guest:guest@" + TestBroker.HOST + ":" + TestBroker.PORT + "/" + URLEncoder.encode(broker.vhost(), StandardCharsets.UTF_8),
                "ledger.events", "order-holds-" + customer);
        OrderHolds view = new OrderHolds();
        ExecutorService meanwhile = Executors.newSingleThreadExecutor();
        try {
            // it starts while more holds and a release are being recorded
            Future<?> recorded = meanwhile.submit(() -> {
                customers.subList(3, 6).forEach(this::overdue);
                closeTheDay();
                send("/customers/" + customers.get(1) + "/payments", SETTLEMENT);
            });
            try (LedgerFeed feed = LedgerFeed.start(settings, view, change -> { })) {
                recorded.get();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(view.held().keySet()).isEqualTo(heldByTheJournal());
                    assertThat(view.applied()).isEqualTo(holdEventsInTheJournal());
                });
                assertThat(view.held().keySet()).contains(customers.get(2), customers.get(3), customers.get(4), customers.get(5))
                        .doesNotContain(customers.get(0), customers.get(1));

                // and it goes on following its queue
                send("/customers/" + customers.get(3) + "/payments", SETTLEMENT);
                await().atMost(Duration.ofSeconds(30)).until(() -> !view.isHeld(customers.get(3)));
                assertThat(view.applied()).isEqualTo(holdEventsInTheJournal());
                assertThat(view.held().keySet()).isEqualTo(heldByTheJournal());
            }
        } finally {
            meanwhile.shutdown();
        }
        System.out.printf("order holds: %d hold events applied once each, %s held%n", view.applied(),
                view.held().keySet().stream().filter(customers::contains).collect(Collectors.toList()));
    }
}
