package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.TestBroker;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Other services hear what happened: every event on the broker, as documented, in order per
 * customer, at least once through a broker that goes away, and the digests on an exchange of
 * their own. Against the real RabbitMQ, on a virtual host of this run's own where the ledger has
 * only the permissions the README names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationIT extends LedgerIT {

    /** Metrics are on the management port, as in production. */
    @LocalManagementPort
    private int managementPort;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static Connection broker;

    @BeforeAll
    static void connect() {
        broker = TestBroker.shared().connect("publication-it");
    }

    @AfterAll
    static void disconnect() throws IOException {
        broker.close();
    }

    /** A queue of the test's own, bound to the events exchange by these routing keys. */
    private static String queue(String... routingKeys) throws IOException {
        try (Channel channel = broker.createChannel()) {
            String queue = "it-" + UUID.randomUUID();
            channel.queueDeclare(queue, true, false, true, null);
            for (String key : routingKeys) {
                channel.queueBind(queue, "ledger.events", key);
            }
            return queue;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String INVOICE = """
            {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
             "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}""";

    private String payment(String id, String amount) {
        return """
                {"paymentId": "%s", "occurredOn": "2026-11-20", "amount": {"amount": "%s", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""
                .formatted(id, amount);
    }

    private String contact(String id) {
        return """
                {"contactId": "%s", "occurredOn": "2026-11-02", "collector": "collector-li", "channel": "PHONE",
                 "partyReached": "Zhang Min, CFO", "outcome": "PROMISE_OBTAINED", "excuse": "APPROVAL_IN_PROGRESS"}""".formatted(id);
    }

    /** A command on another customer than the test's own, safe to send from several threads at once. */
    private ResponseEntity<JsonNode> send(String customerId, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(CALLER);
        headers.set(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        return http.exchange(path.replace("{c}", customerId), HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** The journal's events of these customers: event id to customer and sequence. */
    private Map<String, String> journalOf(List<String> customers) {
        Map<String, String> events = new HashMap<>();
        jdbc.sql("select event_identifier, aggregate_identifier, sequence_number from domain_event_entry where aggregate_identifier = any(?)")
                .param(customers.toArray(String[]::new))
                .query(rs -> {
                    events.put(rs.getString(1), rs.getString(2) + "#" + rs.getLong(3));
                });
        return events;
    }

    private double metric(String name) {
        JsonNode answer = get("http://127.0.0.1:" + managementPort + "/actuator/metrics/" + name, headers -> { }).getBody();
        return answer.path("measurements").get(0).path("value").asDouble();
    }

    @Test
    @Order(1)
    void everyEventIsPublishedWithItsTypeRevisionAndPlaceInTheLedgerAndAmountsAsStrings() throws Exception {
        String queue = queue("#");
        Captured captured = new Captured();
        Channel consuming = captured.consume(broker, "it", queue);
        register();
        command("/customers/{c}/invoices", INVOICE);
        // 9007199254740993 cents, 2^53 + 1: a JSON number a JavaScript consumer would read as ...992
        JsonNode paid = command("/customers/{c}/payments", payment("P-1", "90071992547409.93")).getBody();

        await().atMost(PUBLISHED).until(() -> captured.of(List.of(customer)).size() == 3);
        consuming.close();
        List<Captured.Received> messages = captured.of(List.of(customer));
        assertThat(messages).extracting(Captured.Received::messageId).containsExactlyInAnyOrderElementsOf(journalOf(List.of(customer)).keySet());
        assertThat(messages).extracting(message -> message.properties().getType())
                .containsExactly("customer.CustomerRegistered", "receivable.InvoiceIssued", "payment.PaymentRecorded");
        Captured.Received payment = messages.get(2);
        assertThat(payment.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(payment.properties().getContentType()).isEqualTo("application/json");
        assertThat(payment.properties().getAppId()).isEqualTo("ledger-service");
        assertThat(payment.properties().getCorrelationId()).isNotBlank().isEqualTo(payment.headers().get("correlationId"));
        assertThat(payment.headers()).containsEntry("type", "payment.PaymentRecorded").containsEntry("revision", "1")
                .containsEntry("customerId", customer).containsEntry("sequence", 2L)
                .containsEntry("globalIndex", paid.path("position").asLong())
                .containsEntry("occurredOn", "2026-11-20").containsEntry("clientId", "billing").containsKeys("recordedAt", "commandId");
        assertThat(payment.headers().get("commandId")).isEqualTo(paid.path("commandId").asText());
        JsonNode body = JSON.readTree(payment.body());
        assertThat(body.path("amount").path("amount").isTextual()).isTrue();
        assertThat(body.path("amount").path("amount").asText()).isEqualTo("90071992547409.93");
    }

    @Test
    @Order(2)
    void aConsumerBindsByKindOfFact() throws Exception {
        String queue = queue("payment.*", "*.InvoiceIssued");
        register();
        command("/customers/{c}/invoices", INVOICE);
        command("/customers/{c}/contact-attempts", contact("CT-1"));
        command("/customers/{c}/payments", payment("P-1", "10.00"));

        Captured captured = new Captured();
        Channel consuming = captured.consume(broker, "it", queue);
        await().atMost(PUBLISHED).until(() -> captured.of(List.of(customer)).size() >= 2);
        consuming.close();
        assertThat(captured.of(List.of(customer))).extracting(message -> message.properties().getType())
                .containsExactly("receivable.InvoiceIssued", "payment.PaymentRecorded");
    }

    @Test
    @Order(3)
    void twoCompetingConsumersOfASubscriptionPartitionedByCustomerKeepEachCustomersOrder() throws Exception {
        // the subscription: a consistent-hash exchange on the customerId header, two single-active-consumer queues
        String partitions = "it-partitions-" + UUID.randomUUID();
        List<String> queues = List.of(partitions + "-0", partitions + "-1");
        try (Channel channel = broker.createChannel()) {
            channel.exchangeDeclare(partitions, "x-consistent-hash", true, true, Map.of("hash-header", "customerId"));
            channel.exchangeBind(partitions, "ledger.events", "#");
            for (String queue : queues) {
                channel.queueDeclare(queue, true, false, true, Map.of("x-single-active-consumer", true));
                channel.queueBind(queue, partitions, "1");
            }
        }
        Captured captured = new Captured();
        Connection first = TestBroker.shared().connect("consumer-a");
        Connection second = TestBroker.shared().connect("consumer-b");
        // each is active on one partition and stands by on the other
        captured.consume(first, "a", queues.get(0));
        captured.consume(second, "b", queues.get(1));
        captured.consume(first, "a", queues.get(1));
        captured.consume(second, "b", queues.get(0));

        List<String> customers = IntStream.range(0, 20).mapToObj(i -> customer + "-" + i).toList();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            run(clients, customers, customerId -> List.of(
                    () -> send(customerId, "/customers", """
                            {"customerId": "%s", "name": "Partitioned %s", "occurredOn": "2026-01-05"}""".formatted(customerId, customerId)),
                    () -> send(customerId, "/customers/{c}/invoices", INVOICE)));
            run(clients, customers, customerId -> IntStream.range(0, 4).<Runnable>mapToObj(i -> () ->
                    send(customerId, "/customers/{c}/payments", payment("P-" + i, "10.0" + i))).toList());
            await().atMost(PUBLISHED).until(() -> Captured.deduplicated(captured.of(customers)).size() >= 60);
            first.close();  // consumer a goes away halfway: b takes over its partition
            run(clients, customers, customerId -> IntStream.range(0, 4).<Runnable>mapToObj(i -> () ->
                    send(customerId, "/customers/{c}/contact-attempts", contact("CT-" + i))).toList());
        } finally {
            clients.shutdown();
        }

        Map<String, String> journal = journalOf(customers);
        await().atMost(PUBLISHED).until(() -> Captured.deduplicated(captured.of(customers)).size() == journal.size());
        second.close();
        List<Captured.Received> received = captured.of(customers);
        assertThat(Captured.deduplicated(received)).extracting(Captured.Received::messageId).containsExactlyInAnyOrderElementsOf(journal.keySet());
        assertThat(Captured.outOfOrder(received)).as("customers whose events came out of order").isEmpty();
        assertThat(received).extracting(Captured.Received::consumer).contains("a", "b");
    }

    /** Each customer's commands in order, customers at once. */
    private static void run(ExecutorService clients, List<String> customers,
                            java.util.function.Function<String, List<Runnable>> commands) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (String customerId : customers) {
            sent.add(clients.submit(() -> commands.apply(customerId).forEach(Runnable::run)));
        }
        for (Future<?> future : sent) {
            future.get();
        }
    }

    @Test
    @Order(4)
    void theReplayFromAPositionIsWhatTheBrokerCarriesAndOnlyServicesAndAuditorsReadIt() throws Exception {
        String queue = queue("#");
        long before = eventCount() == 0 ? 0 : jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        register();
        command("/customers/{c}/invoices", INVOICE);
        command("/customers/{c}/payments", payment("P-1", "12.34"));
        Captured captured = new Captured();
        Channel consuming = captured.consume(broker, "it", queue);
        await().atMost(PUBLISHED).until(() -> captured.of(List.of(customer)).size() == 3);
        consuming.close();

        HttpHeaders service = new HttpHeaders();
        service.setBearerAuth(Tokens.mint("ordering", "service"));
        JsonNode page = http.exchange("/events?after=" + before + "&limit=1000", HttpMethod.GET, new HttpEntity<>(service), JsonNode.class).getBody();
        List<JsonNode> replayed = new ArrayList<>();
        page.path("events").forEach(event -> {
            if (event.path("customerId").asText().equals(customer)) {
                replayed.add(event);
            }
        });
        List<Captured.Received> published = captured.of(List.of(customer));
        assertThat(replayed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode event = replayed.get(i);
            Captured.Received message = published.get(i);
            assertThat(event.path("eventId").asText()).isEqualTo(message.messageId());
            assertThat(event.path("payload")).isEqualTo(JSON.readTree(message.body()));
            for (String header : List.of(PublishedEvent.TYPE, PublishedEvent.REVISION, PublishedEvent.CUSTOMER_ID, PublishedEvent.SEQUENCE,
                    PublishedEvent.GLOBAL_INDEX, PublishedEvent.OCCURRED_ON, PublishedEvent.RECORDED_AT, PublishedEvent.CORRELATION_ID,
                    PublishedEvent.COMMAND_ID, PublishedEvent.CLIENT_ID)) {
                assertThat(event.path(header).asText()).as(header).isEqualTo(String.valueOf(message.headers().get(header)));
            }
        }
        JsonNode paymentsOnly = http.exchange("/events?after=" + before + "&type=PaymentRecorded", HttpMethod.GET, new HttpEntity<>(service),
                JsonNode.class).getBody();
        assertThat(paymentsOnly.path("events").findValuesAsText("type")).containsOnly("payment.PaymentRecorded").isNotEmpty();

        HttpHeaders analyst = new HttpHeaders();
        analyst.setBearerAuth(Tokens.mint("ann", "analyst"));
        assertThat(http.exchange("/events", HttpMethod.GET, new HttpEntity<>(analyst), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(5)
    void theDigestIsPublishedToAnExchangeOfItsOwnWhenTheChainAdvances() throws Exception {
        String queue;
        try (Channel channel = broker.createChannel()) {
            queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "ledger.audit-digests", "");
        }
        register();
        long position = command("/customers/{c}/invoices", INVOICE).getBody().path("position").asLong();

        await().atMost(PUBLISHED).until(() -> Captured.drain(broker, queue).all().stream()
                .anyMatch(digest -> (Long) digest.headers().get("position") >= position && matchesTheChain(digest)));
    }

    private boolean matchesTheChain(Captured.Received digest) {
        long position = (Long) digest.headers().get("position");
        String hash = jdbc.sql("select hash from event_chain where global_index = ?").param(position).query(String.class).single();
        try {
            JsonNode body = JSON.readTree(digest.body());
            return hash.equals(digest.headers().get("headHash")) && body.path("digest").asText().equals(position + ":" + hash)
                    && digest.properties().getMessageId().equals("digest-" + position);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(6)
    void aRebuildOfTheReadModelsNeverResetsThePublisher() {
        JsonNode readModels = get("/admin/read-models", headers -> { }).getBody();
        assertThat(readModels.findValuesAsText("name")).isNotEmpty().doesNotContain(EventPublisher.PROCESSING_GROUP);
        ResponseEntity<JsonNode> rebuild = command("/admin/read-models/" + EventPublisher.PROCESSING_GROUP + "/rebuild", "{}");
        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(7)
    void theDocumentIsServedToAnyoneAsCommitted() throws IOException {
        ResponseEntity<String> served = http.getForEntity("/asyncapi.json", String.class);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getBody()).isEqualTo(Files.readString(AsyncApiDocumentTest.COMMITTED));
    }

    /**
     * The broker is unreachable for the ledger (its permissions taken and its connections closed)
     * while over a thousand commands are taken; the lag grows, then drains once it is back, and a
     * consumer that de-duplicates by message-id finds every event once, in order per customer.
     */
    @Test
    @Order(8)
    void aBrokerThatIsUnreachableForAWhileLosesNothingAndKeepsEachCustomersOrder() throws Exception {
        String queue = queue("#");
        List<String> customers = IntStream.range(0, 40).mapToObj(i -> customer + "-" + i).toList();
        int commands = 0;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        TestBroker.shared().takeAwayTheLedgersPermissions();
        double lagDuringOutage;
        try {
            run(clients, customers, customerId -> List.of(
                    () -> ok(send(customerId, "/customers", """
                            {"customerId": "%s", "name": "Outage %s", "occurredOn": "2026-01-05"}""".formatted(customerId, customerId))),
                    () -> ok(send(customerId, "/customers/{c}/invoices", INVOICE))));
            run(clients, customers, customerId -> IntStream.range(0, 24).<Runnable>mapToObj(i -> () ->
                    ok(send(customerId, i % 2 == 0 ? "/customers/{c}/payments" : "/customers/{c}/contact-attempts",
                            i % 2 == 0 ? payment("P-" + i, "1.0" + (i % 10)) : contact("CT-" + i)))).toList());
            commands = customers.size() * 26;
            lagDuringOutage = metric("ledger.publication.lag");
        } finally {
            clients.shutdown();
            TestBroker.shared().giveBack();
        }
        assertThat(lagDuringOutage).as("publication lag while the broker is unreachable").isGreaterThanOrEqualTo(commands);

        await().atMost(Duration.ofSeconds(60)).until(() -> metric("ledger.publication.lag") == 0);
        Map<String, String> journal = journalOf(customers);
        List<Captured.Received> received = Captured.drain(broker, queue).of(customers);
        List<Captured.Received> once = Captured.deduplicated(received);
        System.out.printf("outage: %d commands, %d events, %d messages received, %d duplicates by message-id, %d customers out of order%n",
                commands, journal.size(), received.size(), received.size() - once.size(), Captured.outOfOrder(received).size());
        assertThat(once).extracting(Captured.Received::messageId).containsExactlyInAnyOrderElementsOf(journal.keySet());
        assertThat(Captured.outOfOrder(received)).as("customers whose events came out of order").isEmpty();
        assertThat(metric("ledger.publication.confirmed")).isGreaterThanOrEqualTo(journal.size());
    }

    private static void ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }

    /** Last: every message the integration tests of this run published so far, as the document says it is. */
    @Test
    @Order(100)
    void everyMessagePublishedInTheIntegrationTestsValidatesAgainstItsSchema() {
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("ledger.publication.lag") == 0);
        PublishedLanguage language = new PublishedLanguage(http.getForObject("/asyncapi.json", String.class));
        List<Captured.Received> every = Captured.drain(broker, TestBroker.EVERY_MESSAGE).all();
        Set<String> types = every.stream().map(message -> message.properties().getType()).collect(Collectors.toSet());
        System.out.printf("schema check: %d messages of %d types%n", every.size(), types.size());

        assertThat(every).isNotEmpty();
        assertThat(every.stream().flatMap(message -> language.violations(message).stream()).distinct().limit(20)).isEmpty();
    }
}
