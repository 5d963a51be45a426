package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money is exact at the door: a JSON number is read as the decimal it is and judged by the rules
 * the same value as text is judged by, a key given twice is refused, and every amount leaves as
 * text, with the digits it was stored with.
 */
class MoneyAtTheDoorIT extends LedgerIT {

    private static final String PAYMENT = """
            {"paymentId": "%s", "occurredOn": "2026-11-20", "amount": {"amount": %s, "currency": "CNY"}, "method": "BANK_TRANSFER"}""";

    @Test
    void aJsonNumberIsReadAsTheDecimalItIsAndLeavesAsTheSameDigitsInText() {
        register();
        ResponseEntity<JsonNode> paid = command("/customers/{c}/payments", PAYMENT.formatted("P-1", "99999999999999.99"));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(stored("PaymentRecorded")).contains("\"amount\":99999999999999.99,");
        String position = paid.getHeaders().getFirst(Headers.POSITION);
        JsonNode statement = get("/customers/{c}/statement", h -> h.set(Headers.MIN_POSITION, position)).getBody();
        assertThat(statement.at("/unappliedCredit/0/amount").isTextual()).isTrue();
        assertThat(statement.at("/unappliedCredit/0/amount").asText()).isEqualTo("99999999999999.99");
        JsonNode history = get("/customers/{c}/history", h -> { }).getBody();
        assertThat(history.at("/entries/1/payload/amount/amount").asText()).isEqualTo("99999999999999.99");
    }

    @Test
    void aJsonNumberIsJudgedByTheRulesTheSameValueAsTextIs() {
        register();
        long before = eventsOf(customer);
        for (String amount : List.of("100.000000000000001", "\"100.000000000000001\"", "1e-400", "\"1e-400\"", "0.001", "\"0.001\"")) {
            ResponseEntity<JsonNode> answer = command("/customers/{c}/payments", PAYMENT.formatted("P-1", amount));
            assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-command");
            assertThat(answer.getBody().at("/errors/0/field").asText()).as(amount).isEqualTo("amount.amount");
            assertThat(answer.getBody().at("/errors/0/reason").asText()).as(amount).startsWith("CNY has 2 decimal places; ");
        }
        for (String limit : List.of("1e-400", "\"1e-400\"", "1e400", "\"1e400\"")) {
            assertProblem(command("/customers/{c}/credit-limits", """
                    {"occurredOn": "2026-11-20", "limit": {"amount": %s, "currency": "CNY"}}""".formatted(limit)),
                    HttpStatus.BAD_REQUEST, "invalid-command");
        }
        for (String overflowing : List.of("1e-2147483649", "1e2147483648")) {
            ResponseEntity<JsonNode> answer = command("/customers/{c}/payments", PAYMENT.formatted("P-1", overflowing));
            assertProblem(answer, HttpStatus.BAD_REQUEST, "malformed-json");
            assertThat(answer.getBody().get("detail").asText()).contains("exponent is out of range");
        }
        assertThat(eventsOf(customer)).isEqualTo(before);
    }

    @Test
    void anImportReadsEachItemsNumbersAsExactlyAsACommandAlone() {
        register();
        ResponseEntity<JsonNode> imported = command("/imports", """
                {"items": [
                  {"commandId": "%1$s-a", "type": "RecordPayment", "command": {"customerId": "%1$s", "paymentId": "P-1", "occurredOn": "2026-11-20",
                   "amount": {"amount": 100.000000000000001, "currency": "CNY"}, "method": "CASH"}},
                  {"commandId": "%1$s-b", "type": "SetCreditLimit", "command": {"customerId": "%1$s", "occurredOn": "2026-11-20",
                   "limit": {"amount": 1e-400, "currency": "CNY"}}},
                  {"commandId": "%1$s-c", "type": "RecordPayment", "command": {"customerId": "%1$s", "paymentId": "P-2", "occurredOn": "2026-11-20",
                   "amount": {"amount": 99999999999999.99, "currency": "CNY"}, "method": "CASH"}}]}""".formatted(customer));

        JsonNode results = imported.getBody().get("results");
        assertThat(results.get(0).at("/problem/errors/0/field").asText()).isEqualTo("amount.amount");
        assertThat(results.get(1).at("/problem/errors/0/field").asText()).isEqualTo("limit.amount");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(stored("PaymentRecorded")).contains("\"amount\":99999999999999.99,");
    }

    @Test
    void aKeyGivenTwiceIsRefusedByNameWhereverItIs() {
        register();
        long before = eventsOf(customer);
        ResponseEntity<JsonNode> twice = command("/customers/{c}/payments", """
                {"paymentId": "A", "occurredOn": "2026-11-20", "amount": {"amount": "1.00", "currency": "CNY"}, "method": "CASH", "paymentId": "B"}""");
        assertProblem(twice, HttpStatus.BAD_REQUEST, "malformed-json");
        assertThat(twice.getBody().get("detail").asText()).contains("'paymentId'");

        ResponseEntity<JsonNode> nested = command("/customers/{c}/payments", """
                {"paymentId": "A", "occurredOn": "2026-11-20", "amount": {"amount": "1.00", "amount": "1000.00", "currency": "CNY"}, "method": "CASH"}""");
        assertProblem(nested, HttpStatus.BAD_REQUEST, "malformed-json");
        assertThat(nested.getBody().get("detail").asText()).contains("'amount'");

        ResponseEntity<JsonNode> imported = command("/imports", """
                {"items": [{"commandId": "x", "commandId": "y", "type": "RecordPayment", "command": {}}]}""");
        assertProblem(imported, HttpStatus.BAD_REQUEST, "malformed-json");
        assertThat(imported.getBody().get("detail").asText()).contains("'commandId'");
        assertThat(eventsOf(customer)).isEqualTo(before);
    }

    @Test
    void ratesAndRatiosAreReadExactlyAndBoundedInDecimalsAndSize() {
        register();
        String contract = """
                {"contractId": "K-%s", "occurredOn": "2026-02-01",
                 "paymentTerms": [{"termId": "A", "percent": 12.50, "trigger": "ADVANCE", "days": 0},
                                  {"termId": "B", "percent": 87.50, "trigger": "ON_INVOICE", "days": 30}],
                 "lateFees": {"dailyRatePercent": %s, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""";
        for (String rate : List.of("1E-999999999", "\"1E-999999999\"", "0E-999999999", "0.00000000001")) {
            ResponseEntity<JsonNode> answer = command("/customers/{c}/contracts", contract.formatted("1", rate));
            assertProblem(answer, HttpStatus.BAD_REQUEST, "invalid-command");
            assertThat(answer.getBody().at("/errors/0/field").asText()).as(rate).isEqualTo("lateFees.dailyRatePercent");
        }
        assertProblem(command("/customers", """
                {"customerId": "%s-2", "name": "Ratio Co.", "occurredOn": "2026-01-05", "creditFile": {"inventoryTurnover": 1e400}}"""
                .formatted(customer)), HttpStatus.BAD_REQUEST, "invalid-command");

        assertThat(command("/customers/{c}/contracts", contract.formatted("2", "0.050")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stored("ContractRecorded")).contains("\"percent\":12.50,").contains("\"dailyRatePercent\":0.050,");
    }

    @Test
    void everyAmountOfEveryAnswerAboutACustomerLeavesAsText() {
        register();
        command("/customers/{c}/credit-limits", """
                {"occurredOn": "2026-11-01", "limit": {"amount": "50000.00", "currency": "CNY"}}""");
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": 1200.50, "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": 1200.50, "currency": "CNY"}, "dueDate": "2026-10-01"}]}""");
        String position = command("/customers/{c}/payments", PAYMENT.formatted("P-1", "200.25")).getHeaders().getFirst(Headers.POSITION);

        List<String> numbers = new ArrayList<>();
        for (String answer : List.of("/customers/{c}/statement", "/customers/{c}/evidence-checklist", "/aging?customerId={c}",
                "/worklist", "/customers/{c}/credit-decision?amount=10.00&currency=CNY", "/promise-watchlist?customerId={c}",
                "/customers/{c}/history", "/invoices/INV-1/history?customerId={c}")) {
            JsonNode body = get(answer, h -> h.set(Headers.MIN_POSITION, position)).getBody();
            numericAmounts(answer, body, numbers);
        }
        assertThat(numbers).isEmpty();
        JsonNode statement = get("/customers/{c}/statement", h -> { }).getBody();
        assertThat(statement.at("/items/0/open/amount").asText()).isEqualTo("1000.25");
    }

    /** Every amount ({"amount": ..., "currency": ...}) in an answer whose amount is not text. */
    private static void numericAmounts(String where, JsonNode node, List<String> found) {
        if (node.isObject() && node.has("amount") && node.has("currency") && !node.get("amount").isTextual()) {
            found.add(where + ": " + node);
        }
        node.forEach(child -> numericAmounts(where, child, found));
    }

    private String stored(String type) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = ? and payload_type like ? order by sequence_number desc limit 1""")
                .params(customer, "%." + type).query(String.class).single();
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:" + type);
    }
}
