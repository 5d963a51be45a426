package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions every command follows: retries, versions, problem details, the clock. */
class CommandConventionsIT extends LedgerIT {

    private static final String PAYMENT = """
            {"paymentId": "P-1", "occurredOn": "2026-11-20", "amount": {"amount": "100.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}""";

    @Test
    void aRetryWithTheSameIdAndBodyGetsTheFirstAnswerAndRecordsNothingNew() {
        register();
        ResponseEntity<JsonNode> first = command("/customers/{c}/payments", PAYMENT, id("pay-1"), h -> { });
        long events = eventCount();

        ResponseEntity<JsonNode> retry = command("/customers/{c}/payments", PAYMENT.replace(", \"method\": \"BANK_TRANSFER\"", "")
                .replace("{\"paymentId\"", "{\"method\": \"BANK_TRANSFER\", \"paymentId\""), id("pay-1"), h -> { });

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(retry.getHeaders().getFirst(Headers.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameIdWithAnotherBodyIsRefused() {
        register();
        command("/customers/{c}/payments", PAYMENT, id("pay-1"), h -> { });
        long events = eventCount();

        ResponseEntity<JsonNode> other = command("/customers/{c}/payments", PAYMENT.replace("100.00", "200.00"), id("pay-1"), h -> { });

        assertProblem(other, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void commandIdsAreScopedPerClient() {
        register();
        command("/customers/{c}/payments", PAYMENT, id("shared-id"), h -> { });

        ResponseEntity<JsonNode> fromAnotherClient = command("/customers/{c}/payments", PAYMENT.replace("P-1", "P-2"), id("shared-id"),
                h -> h.setBearerAuth(Tokens.mint("call-centre", "service")));

        assertThat(fromAnotherClient.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fromAnotherClient.getHeaders().getFirst(Headers.IDEMPOTENT_REPLAYED)).isNull();
        assertThat(eventsOf(customer)).isEqualTo(3);
    }

    @Test
    void aRefusedCommandLeavesItsIdFreeForACorrectedRetry() {
        register();
        assertProblem(command("/customers/{c}/payments", PAYMENT.replace("2026-11-20", "2026-12-20"), id("pay-1"), h -> { }),
                HttpStatus.UNPROCESSABLE_ENTITY, "dated-in-the-future");

        assertThat(command("/customers/{c}/payments", PAYMENT, id("pay-1"), h -> { }).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCommandOnAStaleVersionGetsConflictWithTheCurrentVersion() {
        String registered = register().getHeaders().getETag();
        command("/customers/{c}/payments", PAYMENT);

        ResponseEntity<JsonNode> stale = command("/customers/{c}/payments", PAYMENT.replace("P-1", "P-2"), id("pay-2"),
                h -> h.setIfMatch(registered));

        assertProblem(stale, HttpStatus.CONFLICT, "stale-version");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(eventsOf(customer)).isEqualTo(2);
    }

    @Test
    void aVersionExpectedOfACustomerBeingRegisteredCannotHold() {
        String registration = """
                {"customerId": "%s", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""".formatted(customer);
        String[] expected = {"\"0\"", "\"3\"", "*"};
        for (int i = 0; i < expected.length; i++) {
            String ifMatch = expected[i];
            ResponseEntity<JsonNode> answer = command("/customers", registration, id("reg-" + i), h -> h.set(HttpHeaders.IF_MATCH, ifMatch));
            assertProblem(answer, HttpStatus.CONFLICT, "stale-version");
            assertThat(answer.getBody().get("detail").asText()).startsWith("If-Match: ");
        }
        JsonNode imported = command("/imports", """
                {"items": [{"commandId": "%s", "type": "RegisterCustomer", "expectedVersion": 0, "command": %s}]}"""
                .formatted(id("import"), registration)).getBody();
        assertThat(imported.at("/results/0/problem/type").asText()).isEqualTo("urn:collections-ledger:problem:stale-version");
        assertThat(eventsOf(customer)).isZero();

        assertThat(command("/customers", registration).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCommandOnTheCurrentVersionIsRecorded() {
        String current = register().getHeaders().getETag();

        ResponseEntity<JsonNode> answer = command("/customers/{c}/payments", PAYMENT, id("pay-1"), h -> h.setIfMatch(current));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void theClockDecidesTheBusinessDateAndTheRecordedTime() {
        register();
        String tomorrow = today().plusDays(1).toString();
        String payment = PAYMENT.replace("2026-11-20", tomorrow);
        assertProblem(command("/customers/{c}/payments", payment), HttpStatus.UNPROCESSABLE_ENTITY, "dated-in-the-future");

        clock.advance(Duration.ofDays(1));
        ResponseEntity<JsonNode> accepted = command("/customers/{c}/payments", payment);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        String recordedAt = jdbc.sql("select time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(customer).query(String.class).single();
        assertThat(Instant.parse(recordedAt)).isEqualTo(clock.instant());
    }

    @Test
    void manySimultaneousRetriesOfOneCommandRecordOneEventAndGetEqualAnswers() throws Exception {
        register();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<ResponseEntity<JsonNode>>> sends = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sends.add(() -> command("/customers/{c}/payments", PAYMENT, id("same-id"), h -> { }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(sends)) {
                assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                answers.add(answer.get().getBody());
            }
            assertThat(answers).allMatch(answers.get(0)::equals);
            assertThat(eventsOf(customer)).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentCommandsOfManyClientsOnOneCustomerLoseNoUpdate() throws Exception {
        register();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResponseEntity<JsonNode>>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = PAYMENT.replace("P-1", "P-" + i);
                String client = Tokens.mint("client-" + i % 4, "service");
                String commandId = id("race-" + i);
                sends.add(() -> command("/customers/{c}/payments", body, commandId, h -> h.setBearerAuth(client)));
            }
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(sends)) {
                assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(eventsOf(customer)).isEqualTo(17);
        assertThat(jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(customer).query(Long.class).single()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputGetsAProblemThatNamesItAndRecordsNothing(String name, String path, String body, HttpStatus status, String type, String field) {
        register();
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-11-01", "amount": {"amount": "300.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "300.00", "currency": "CNY"}, "dueDate": "2026-12-01"}]}""");
        long events = eventCount();
        long remembered = jdbc.sql("select count(*) from command_log").query(Long.class).single();

        ResponseEntity<JsonNode> answer = command(path, body);

        assertProblem(answer, status, type);
        if (field != null) {
            assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        }
        assertThat(answer.getBody().get("detail").asText()).isNotBlank();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from command_log").query(Long.class).single()).isEqualTo(remembered);
    }

    static Stream<Arguments> badInput() {
        String payments = "/customers/{c}/payments";
        return Stream.of(
                Arguments.of("malformed JSON", payments, "{\"paymentId\": \"P-1\", ", HttpStatus.BAD_REQUEST, "malformed-json", null),
                Arguments.of("not an object", payments, "[1, 2]", HttpStatus.BAD_REQUEST, "invalid-command", null),
                Arguments.of("missing field", payments, PAYMENT.replace("\"occurredOn\": \"2026-11-20\", ", ""),
                        HttpStatus.BAD_REQUEST, "invalid-command", "occurredOn"),
                Arguments.of("zero amount", payments, PAYMENT.replace("100.00", "0"), HttpStatus.BAD_REQUEST, "invalid-command", "amount"),
                Arguments.of("negative amount", payments, PAYMENT.replace("100.00", "-5.00"), HttpStatus.BAD_REQUEST, "invalid-command", "amount"),
                Arguments.of("more decimals than the currency", payments, PAYMENT.replace("100.00", "100.001"),
                        HttpStatus.BAD_REQUEST, "invalid-command", "amount.amount"),
                Arguments.of("decimals on a currency without them", payments, PAYMENT.replace("100.00\", \"currency\": \"CNY", "100.5\", \"currency\": \"JPY"),
                        HttpStatus.BAD_REQUEST, "invalid-command", "amount.amount"),
                Arguments.of("unknown currency", payments, PAYMENT.replace("CNY", "XYZ"), HttpStatus.BAD_REQUEST, "invalid-command", "amount.currency"),
                Arguments.of("huge amount", payments, PAYMENT.replace("\"100.00\"", "1e400"), HttpStatus.BAD_REQUEST, "invalid-command", "amount.amount"),
                Arguments.of("wrong type", payments, PAYMENT.replace("\"amount\": {\"amount\": \"100.00\", \"currency\": \"CNY\"}", "\"amount\": \"lots\""),
                        HttpStatus.BAD_REQUEST, "invalid-command", "amount"),
                Arguments.of("unknown enum value", payments, PAYMENT.replace("BANK_TRANSFER", "BITCOIN"), HttpStatus.BAD_REQUEST, "invalid-command", "method"),
                Arguments.of("impossible date", payments, PAYMENT.replace("2026-11-20", "2026-02-30"), HttpStatus.BAD_REQUEST, "invalid-command", "occurredOn"),
                Arguments.of("unknown field", payments, with(PAYMENT, "\"discount\": 5"), HttpStatus.BAD_REQUEST, "invalid-command", "discount"),
                Arguments.of("hidden characters in text", payments, with(PAYMENT, "\"reference\": \"ok\\u202Egnp.exe\""),
                        HttpStatus.BAD_REQUEST, "invalid-command", "reference"),
                Arguments.of("id with a path in it", payments, PAYMENT.replace("P-1", "../../etc"), HttpStatus.BAD_REQUEST, "invalid-command", "paymentId"),
                Arguments.of("path and body disagree", payments, with(PAYMENT, "\"customerId\": \"SOMEONE-ELSE\""),
                        HttpStatus.BAD_REQUEST, "path-body-mismatch", null),
                Arguments.of("unknown customer", "/customers/NO-SUCH-CUSTOMER/payments", PAYMENT, HttpStatus.NOT_FOUND, "unknown-customer", null),
                Arguments.of("unknown invoice", payments, with(PAYMENT, "\"allocations\": [{\"invoiceId\": \"INV-9\", \"amount\": {\"amount\": \"100.00\", \"currency\": \"CNY\"}}]"),
                        HttpStatus.NOT_FOUND, "unknown-invoice", null),
                Arguments.of("credit note on an unknown invoice", "/customers/{c}/invoices/INV-9/credit-notes", """
                        {"creditNoteId": "CN-1", "occurredOn": "2026-11-20", "amount": {"amount": "1.00", "currency": "CNY"}, "reason": "x"}""",
                        HttpStatus.NOT_FOUND, "unknown-invoice", null),
                Arguments.of("credit note above what is open", "/customers/{c}/invoices/INV-1/credit-notes", """
                        {"creditNoteId": "CN-1", "occurredOn": "2026-11-20", "amount": {"amount": "300.01", "currency": "CNY"}, "reason": "x"}""",
                        HttpStatus.UNPROCESSABLE_ENTITY, "credit-note-exceeds-open-amount", null),
                Arguments.of("customer registered twice", "/customers", """
                        {"customerId": "{c}", "name": "Again", "occurredOn": "2026-01-05"}""", HttpStatus.CONFLICT, "customer-already-registered", null));
    }

    @Test
    void aCommandWithoutItsIdIsRefusedBeforeItIsRead() {
        register();
        ResponseEntity<JsonNode> answer = command("/customers/{c}/payments", PAYMENT, id("x"), h -> h.remove(Headers.IDEMPOTENCY_KEY));

        assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-header");
        assertThat(answer.getBody().get("header").asText()).isEqualTo(Headers.IDEMPOTENCY_KEY);
    }

    @Test
    void aCommandWithoutAValidTokenIsRefusedAndWritesNothing() {
        register();
        long before = eventCount();
        assertProblem(command("/customers/{c}/payments", PAYMENT, id("x"), h -> h.remove(HttpHeaders.AUTHORIZATION)),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(command("/customers/{c}/payments", PAYMENT, id("y"), h -> h.setBearerAuth(CALLER.substring(0, CALLER.length() - 2))),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(command("/customers/{c}/payments", PAYMENT, id("z"), h -> h.setBearerAuth(Tokens.mint("analytics", "analyst"))),
                HttpStatus.FORBIDDEN, "forbidden");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aMalformedIfMatchIsRefused() {
        register();
        assertProblem(command("/customers/{c}/payments", PAYMENT, id("x"), h -> h.set(HttpHeaders.IF_MATCH, "W/\"1\"")),
                HttpStatus.BAD_REQUEST, "invalid-header");
    }

    @Test
    void theWrongMediaTypeIsAProblemToo() {
        register();
        assertProblem(command("/customers/{c}/payments", PAYMENT, id("x"), h -> h.setContentType(MediaType.TEXT_PLAIN)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:" + type);
    }
}
