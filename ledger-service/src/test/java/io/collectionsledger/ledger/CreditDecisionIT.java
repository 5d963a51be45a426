package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The credit decision over HTTP, as an order service asks it: command → events → read model → GET, JSON and CSV. */
class CreditDecisionIT extends LedgerIT {

    @Test
    void anOrderServiceIsToldEveryReasonAnOrderIsRefusedAndWhenItMayOrderAgain() {
        ok(register());
        ok(command("/customers/{c}/credit-limits", """
                {"occurredOn": "2026-08-01", "limit": {"amount": "100000.00", "currency": "CNY"}, "reason": "annual review"}"""));
        ok(command("/customers/{c}/deliveries", delivery("D1", "2026-08-20")));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "80000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "80000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}],
                 "deliveryIds": ["D1"]}"""));
        String position = ok(command("/customers/{c}/deliveries", delivery("D2", "2026-11-20")));

        JsonNode decision = decide("30000.00", "CNY", position);

        assertThat(decision.get("allowed").asBoolean()).isFalse();
        assertThat(codes(decision)).containsExactly("CREDIT_LIMIT_EXCEEDED", "DELIVER_TWO_SETTLE_ONE");
        assertThat(decision.at("/exposure/amount").asText()).isEqualTo("110000.00");
        assertThat(decision.at("/limit/amount").asText()).isEqualTo("100000.00");
        assertThat(decision.get("unpaidBatches").toString()).isEqualTo("[\"D1\",\"D2\"]");

        // the close of day holds new orders: INV-1 is more than 15 days past due
        ok(command("/admin/close-of-day", "{}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(codes(decide("30000.00", "CNY", null))).contains("ORDERS_HELD"));
        ok(command("/customers/{c}/supply-suspensions", """
                {"occurredOn": "2026-11-21", "reason": "two months overdue"}"""));
        position = ok(command("/customers/{c}/legal-cases", """
                {"caseId": "CASE-1", "occurredOn": "2026-11-22", "forum": "LITIGATION", "body": "Shanghai Pudong People's Court",
                 "invoiceIds": ["INV-1"], "claimAmount": {"amount": "80000.00", "currency": "CNY"},
                 "preservationRequested": true, "documentRef": "complaint.pdf"}"""));

        JsonNode everything = decide("30000.00", "CNY", position);
        JsonNode beforeTheSuit = get("/customers/{c}/credit-decision?amount=1.00&currency=CNY&asOf=2026-11-21", h -> { }).getBody();

        assertThat(codes(everything)).containsExactly("CREDIT_LIMIT_EXCEEDED", "ORDERS_HELD", "DELIVER_TWO_SETTLE_ONE",
                "SUPPLY_SUSPENDED", "LAWSUIT_OPEN");
        assertThat(everything.at("/reasons/1/detail").asText()).contains("INV-1/T1", "16 days past due");
        assertThat(codes(beforeTheSuit)).containsExactly("ORDERS_HELD", "DELIVER_TWO_SETTLE_ONE", "SUPPLY_SUSPENDED");

        ok(command("/customers/{c}/legal-cases/CASE-1/steps", """
                {"stepId": "S-1", "occurredOn": "2026-11-23", "step": "CASE_CLOSED", "description": "settled out of court", "documentRef": "withdrawal.pdf"}"""));
        ok(command("/customers/{c}/supply-resumptions", """
                {"occurredOn": "2026-11-23", "reason": "settlement agreed"}"""));
        position = ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-11-23", "amount": {"amount": "80000.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER"}"""));

        JsonNode allowed = decide("30000.00", "CNY", position);
        JsonNode inDollars = decide("100.00", "USD", position);

        assertThat(allowed.get("allowed").asBoolean()).as(allowed.toString()).isTrue();
        assertThat(allowed.get("reasons")).isEmpty();
        assertThat(allowed.at("/conditions/0/code").asText()).isEqualTo("SETTLE_PREVIOUS_BATCH_ON_DELIVERY");
        assertThat(allowed.at("/conditions/0/detail").asText()).contains("D2");
        assertThat(allowed.at("/exposure/amount").asText()).isEqualTo("30000.00");
        assertThat(codes(inDollars)).containsExactly("CURRENCY_OUTSIDE_LIMIT");
    }

    @Test
    void theDecisionIsExportedAsCsvWithARowPerReason() {
        ok(register());
        String position = ok(command("/customers/{c}/supply-suspensions", """
                {"occurredOn": "2026-11-21", "reason": "two months overdue"}"""));

        ResponseEntity<String> csv = getText("/customers/{c}/credit-decision?amount=500.00&currency=CNY&asOf=2026-11-24", h -> {
            h.set("Accept", "text/csv");
            h.set(Headers.MIN_POSITION, position);
        });

        String[] lines = csv.getBody().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("customerId,asOf,knownAt,order,currency,allowed,limit,limitCurrency,exposure,exposureCurrency,kind,code,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(customer + ",2026-11-24,").contains(",500.00,CNY,false,,,500.00,CNY,reason,NO_CREDIT_LIMIT,");
        assertThat(lines[2]).contains(",reason,SUPPLY_SUSPENDED,supply suspended on 2026-11-21: two months overdue");
    }

    @Test
    void anAmountTheCurrencyCannotHoldOrAMissingCurrencyIsAnInvalidQuery() {
        ResponseEntity<JsonNode> tooPrecise = get("/customers/{c}/credit-decision?amount=12.345&currency=CNY", h -> { });
        ResponseEntity<JsonNode> notANumber = get("/customers/{c}/credit-decision?amount=lots&currency=CNY", h -> { });
        ResponseEntity<JsonNode> noCurrency = get("/customers/{c}/credit-decision?amount=12.34", h -> { });

        for (ResponseEntity<JsonNode> answer : List.of(tooPrecise, notANumber, noCurrency)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
        }
        assertThat(tooPrecise.getBody().get("detail").asText()).contains("CNY has 2 decimal places");
    }

    private JsonNode decide(String amount, String currency, String position) {
        ResponseEntity<JsonNode> answer = get("/customers/{c}/credit-decision?amount=" + amount + "&currency=" + currency,
                h -> {
                    if (position != null) {
                        h.set(Headers.MIN_POSITION, position);
                    }
                });
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> codes(JsonNode decision) {
        List<String> codes = new ArrayList<>();
        decision.get("reasons").forEach(reason -> codes.add(reason.get("code").asText()));
        return codes;
    }

    /** Asserts the command was recorded and returns its position. */
    private static String ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getHeaders().getFirst(Headers.POSITION);
    }

    private static String delivery(String id, String on) {
        return """
                {"deliveryId": "%s", "occurredOn": "%s", "details": {"kind": "GOODS", "description": "10 t cement",
                 "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "%s", "documentRef": "DN-%s.pdf"}}}""".formatted(id, on, on, id);
    }
}
