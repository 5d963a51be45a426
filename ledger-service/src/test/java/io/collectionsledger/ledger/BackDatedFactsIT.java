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

/** Facts recorded today but dated in the past are judged on their own dates, in every report (issue 17), over HTTP. */
class BackDatedFactsIT extends LedgerIT {

    @Test
    void aPaymentThatClearsAHeldCustomerReleasesItsOrdersOnThePaymentsDate() {
        registerIn2025();
        ok(command("/customers/{c}/credit-limits", """
                {"occurredOn": "2025-01-05", "limit": {"amount": "100000.00", "currency": "CNY"}, "reason": "opening"}"""));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2025-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2025-10-01"}]}"""));
        ok(command("/admin/close-of-day", "{}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(codes(decide("2025-10-20", null))).contains("ORDERS_HELD"));
        assertThat(decide("2025-10-20", null).at("/reasons/0/detail").asText()).startsWith("new orders held since 2025-10-17");

        String position = ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2025-11-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER"}"""));

        JsonNode dayAfter = decide("2025-11-02", position);
        assertThat(dayAfter.get("allowed").asBoolean()).as(dayAfter.toString()).isTrue();
        assertThat(codes(decide("2025-11-01", position))).isEmpty();
        assertThat(codes(decide("2025-10-31", position))).containsExactly("ORDERS_HELD");
        assertThat(read("/customers/{c}?asOf=2025-11-02", position).at("/supply/ordersHeld").asBoolean()).isFalse();
        assertThat(read("/customers/{c}?asOf=2025-10-31", position).at("/supply/ordersHeld").asBoolean()).isTrue();
    }

    @Test
    void aPaymentDatedBeforeTheInvoiceItPaysIsUnappliedCreditUntilTheInvoiceIsIssued() {
        registerIn2025();
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2025-09-11", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2025-10-11"}]}"""));
        String position = ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2025-09-01", "amount": {"amount": "100.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER"}"""));

        // 5 September: no invoice yet, 100 received and unapplied
        JsonNode before = onlyRow(read("/aging?customerId={c}&asOf=2025-09-05", position));
        assertThat(money(before.get("total"))).isEqualTo("0.00");
        assertThat(money(before.get("unappliedCredit"))).isEqualTo("100.00");
        JsonNode fileBefore = read("/customers/{c}?asOf=2025-09-05", position).at("/totals/0");
        assertThat(money(fileBefore.get("open"))).isEqualTo("0.00");
        assertThat(money(fileBefore.get("unappliedCredit"))).isEqualTo("100.00");
        JsonNode creditBefore = decide("2025-09-05", position);
        assertThat(money(creditBefore.get("openReceivables"))).isEqualTo("0.00");
        assertThat(money(creditBefore.get("unappliedCredit"))).isEqualTo("100.00");

        // 11 September: the invoice is issued and the payment settles 100 of it that day
        JsonNode after = onlyRow(read("/aging?customerId={c}&asOf=2025-09-11", position));
        assertThat(money(after.get("total"))).isEqualTo("900.00");
        assertThat(money(after.get("unappliedCredit"))).isEqualTo("0.00");
        JsonNode fileAfter = read("/customers/{c}?asOf=2025-09-11", position).at("/totals/0");
        assertThat(money(fileAfter.get("open"))).isEqualTo("900.00");
        assertThat(money(fileAfter.get("unappliedCredit"))).isEqualTo("0.00");
        JsonNode creditAfter = decide("2025-09-11", position);
        assertThat(money(creditAfter.get("openReceivables"))).isEqualTo("900.00");
        assertThat(money(creditAfter.get("unappliedCredit"))).isEqualTo("0.00");

        JsonNode allocation = read("/customers/{c}/invoices/INV-1", position).at("/allocations/0");
        assertThat(allocation.get("source").asText()).isEqualTo("PAYMENT");
        assertThat(allocation.get("sourceId").asText()).isEqualTo("P-1");
        assertThat(allocation.get("occurredOn").asText()).isEqualTo("2025-09-11");
        JsonNode payment = read("/customers/{c}/payments/P-1", position);
        assertThat(payment.get("allocations")).isEmpty();
        assertThat(money(payment.get("unapplied"))).isEqualTo("100.00");
        JsonNode statement = read("/customers/{c}/statement", position);
        assertThat(statement.get("unappliedCredit")).isEmpty();
        assertThat(money(statement.at("/items/0/paid"))).isEqualTo("100.00");
        assertThat(money(statement.at("/items/0/open"))).isEqualTo("900.00");
    }

    private void registerIn2025() {
        ok(command("/customers", """
                {"customerId": "%s", "name": "Hengda Building Materials Co.", "occurredOn": "2025-01-05"}""".formatted(customer)));
    }

    private JsonNode decide(String asOf, String position) {
        return read("/customers/{c}/credit-decision?amount=10.00&currency=CNY&asOf=" + asOf, position);
    }

    private JsonNode read(String path, String position) {
        ResponseEntity<JsonNode> answer = get(path, h -> {
            if (position != null) {
                h.set(Headers.MIN_POSITION, position);
            }
        });
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode onlyRow(JsonNode aging) {
        assertThat(aging.get("customers")).as(aging.toString()).hasSize(1);
        return aging.get("customers").get(0);
    }

    private static String money(JsonNode money) {
        return money.get("amount").asText();
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
}
