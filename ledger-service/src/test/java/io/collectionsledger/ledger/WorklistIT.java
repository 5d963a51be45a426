package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The collection worklist over HTTP: command → events → worklist read model → GET /worklist, as JSON and CSV. */
class WorklistIT extends LedgerIT {

    @Test
    void aCollectorSeesTheirCustomersInPriorityOrderWithTheirStageAndTheNextAction() {
        String collector = collector();
        String strategic = customer + "-A";
        ok(register());
        ok(command("/customers/{c}/collector-assignments", assignment(collector, "B")));
        ok(command("/customers/{c}/invoices", invoice("INV-1", "2026-09-24", "10000.00", "CNY", "2026-10-24")));
        ok(command("/customers", """
                {"customerId": "%s", "name": "Huaxin Cement", "occurredOn": "2026-01-05"}""".formatted(strategic)));
        ok(command("/customers/" + strategic + "/collector-assignments", assignment(collector, "A")));
        String position = ok(command("/customers/" + strategic + "/invoices", invoice("INV-1", "2026-11-01", "2000.00", "CNY", "2026-11-30")));

        JsonNode today = get("/worklist?collector=" + collector, h -> h.set(Headers.MIN_POSITION, position)).getBody();
        JsonNode worklist = get("/worklist?collector=" + collector + "&asOf=2026-11-24", h -> { }).getBody();

        assertThat(today.get("asOf").asText()).isEqualTo(today().toString());
        assertThat(worklist.get("customers")).hasSize(2);
        JsonNode first = worklist.at("/customers/0");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("customerId").asText()).isEqualTo(customer);
        assertThat(first.get("name").asText()).isEqualTo("Hengda Building Materials Co.");
        assertThat(first.get("stage").asText()).isEqualTo("DPD_31_90");
        assertThat(first.get("daysPastDue").asInt()).isEqualTo(31);
        assertThat(first.at("/open/0/amount").asText()).isEqualTo("10000.00");
        assertThat(first.at("/priority/total").asInt()).isEqualTo(40 + 10);
        assertThat(first.get("limitationDate").asText()).isEqualTo("2029-10-24");
        assertThat(first.at("/nextAction/kind").asText()).isEqualTo("VISIT_WITH_DUNNING_LETTER");
        JsonNode second = worklist.at("/customers/1");
        assertThat(second.get("customerId").asText()).isEqualTo(strategic);
        assertThat(second.get("stage").asText()).isEqualTo("PRE_DUE");
        assertThat(second.get("tier").asText()).isEqualTo("A");
        assertThat(second.at("/nextAction/kind").asText()).isEqualTo("SENIOR_CONTACT_CALL");
        assertThat(second.at("/nextAction/on").asText()).isEqualTo("2026-11-24");

        JsonNode onTheDueDate = get("/worklist?collector=" + collector + "&asOf=2026-10-24", h -> { }).getBody();
        JsonNode theDayAfter = get("/worklist?collector=" + collector + "&asOf=2026-10-25", h -> { }).getBody();
        JsonNode day90 = get("/worklist?collector=" + collector + "&asOf=2027-01-22&limit=1", h -> { }).getBody();

        assertThat(onTheDueDate.get("customers")).hasSize(1);
        assertThat(onTheDueDate.at("/customers/0/stage").asText()).isEqualTo("PRE_DUE");
        assertThat(onTheDueDate.at("/customers/0/nextAction/kind").asText()).isEqualTo("FRIENDLY_REMINDER");
        assertThat(theDayAfter.at("/customers/0/stage").asText()).isEqualTo("DPD_1_30");
        assertThat(theDayAfter.at("/customers/0/nextAction/kind").asText()).isEqualTo("PHONE_EMAIL_SMS");
        assertThat(day90.get("customers")).hasSize(1);
        assertThat(day90.at("/customers/0/daysPastDue").asInt()).isEqualTo(90);
        assertThat(day90.at("/customers/0/stage").asText()).isEqualTo("DPD_31_90");
    }

    @Test
    void aBackdatedPaymentChangesTheWorklistOnlyAsKnownFromTheTimeItWasRecorded() {
        String collector = collector();
        ok(register());
        ok(command("/customers/{c}/collector-assignments", assignment(collector, "C")));
        ok(command("/customers/{c}/invoices", invoice("INV-1", "2026-09-24", "10000.00", "CNY", "2026-10-24")));
        Instant beforePayment = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        String position = ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-11-20", "amount": {"amount": "10000.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""));

        JsonNode now = get("/worklist?collector=" + collector, h -> h.set(Headers.MIN_POSITION, position)).getBody();
        JsonNode knownBefore = get("/worklist?collector=" + collector + "&knownAt=" + beforePayment, h -> { }).getBody();
        JsonNode asOfBefore = get("/worklist?collector=" + collector + "&asOf=2026-11-19", h -> { }).getBody();
        JsonNode asOfPaid = get("/worklist?collector=" + collector + "&asOf=2026-11-20", h -> { }).getBody();

        assertThat(now.get("customers")).isEmpty();
        assertThat(knownBefore.get("customers")).hasSize(1);
        assertThat(knownBefore.get("knownAt").asText()).isEqualTo(beforePayment.toString());
        assertThat(asOfBefore.at("/customers/0/daysPastDue").asInt()).isEqualTo(26);
        assertThat(asOfPaid.get("customers")).isEmpty();
    }

    @Test
    void theWorklistIsExportedAsCsvWithARowPerCustomerAndCurrency() {
        String collector = collector();
        ok(register());
        ok(command("/customers/{c}/collector-assignments", assignment(collector, "B")));
        ok(command("/customers/{c}/invoices", invoice("INV-1", "2026-06-01", "10000.00", "CNY", "2026-07-01")));
        String position = ok(command("/customers/{c}/invoices", invoice("INV-2", "2026-10-01", "300.00", "USD", "2026-11-01")));

        ResponseEntity<String> csv = getText("/worklist?asOf=2026-11-24&collector=" + collector, h -> {
            h.set("Accept", "text/csv");
            h.set(Headers.MIN_POSITION, position);
        });

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("rank,customerId,name,collector,tier,stage,daysPastDue");
        assertThat(lines[1]).startsWith("1," + customer + ",Hengda Building Materials Co.," + collector + ",B,DPD_91_PLUS,146,2026-07-01,")
                .contains(",10000.00,CNY,10000.00,0.00,", "SUE_WITH_PRESERVATION");
        assertThat(lines[2]).contains(",300.00,USD,300.00,0.00,");
    }

    @Test
    void aLimitOutOfRangeIsAnInvalidQuery() {
        ResponseEntity<JsonNode> answer = get("/worklist?limit=0", h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        assertThat(answer.getBody().get("detail").asText()).contains("limit");
    }

    private String collector() {
        return "col-" + customer.substring(2);
    }

    /** Asserts the command was recorded and returns its position. */
    private static String ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getHeaders().getFirst(Headers.POSITION);
    }

    private static String assignment(String collector, String tier) {
        return """
                {"occurredOn": "2026-01-05", "collector": "%s", "tier": "%s"}""".formatted(collector, tier);
    }

    private static String invoice(String id, String on, String amount, String currency, String due) {
        return """
                {"invoiceId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "%s"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%s", "currency": "%s"}, "dueDate": "%s"}]}"""
                .formatted(id, on, amount, currency, amount, currency, due);
    }
}
