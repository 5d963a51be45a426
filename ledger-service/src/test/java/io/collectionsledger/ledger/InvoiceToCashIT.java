package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The invoice-to-cash slice over HTTP: command → event in PostgreSQL → read model → query. */
class InvoiceToCashIT extends LedgerIT {

    @Test
    void fromRegistrationToAReconciledStatement() {
        List<String> steps = List.of(
                "/customers", """
                        {"customerId": "{c}", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05",
                         "creditFile": {"founded": "2009-03-01", "registeredCapital": {"amount": "5000000", "currency": "CNY"},
                                        "responsibleForPayment": "Zhang Min, CFO"}}""",
                // a contract without late-fee terms: this walk is about each step's version, what is stored and the statement's
                // figures; payments that first fix late fees are LateFeeFixPointsTest's and CollectionDocumentsIT's
                "/customers/{c}/contracts", """
                        {"contractId": "K-1", "occurredOn": "2026-02-01",
                         "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "DOC-K-1-stamped.pdf"}],
                         "paymentTerms": [{"termId": "ADV", "percent": 30, "trigger": "ADVANCE", "days": 0},
                                          {"termId": "ACC", "percent": 60, "trigger": "ON_ACCEPTANCE", "days": 30},
                                          {"termId": "WAR", "percent": 10, "trigger": "AFTER_WARRANTY", "days": 365}],
                         "disputeClause": {"forum": "LITIGATION", "body": "Shanghai Pudong People's Court"}}""",
                "/customers/{c}/deliveries", delivery("D1", true),
                "/customers/{c}/deliveries", delivery("D2", true),
                "/customers/{c}/deliveries", delivery("D3", false),
                "/customers/{c}/deliveries/D3/corrections", """
                        {"occurredOn": "2026-06-03", "reason": "the signed receipt came back with the driver",
                         "corrected": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                                       "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-05-20", "documentRef": "DN-D3.pdf"}}}""",
                "/customers/{c}/invoices", """
                        {"invoiceId": "INV-1", "contractId": "K-1", "occurredOn": "2026-06-01",
                         "amount": {"amount": "10000.00", "currency": "CNY"}, "deliveryIds": ["D1", "D2"]}""",
                "/customers/{c}/invoices", """
                        {"invoiceId": "INV-2", "occurredOn": "2026-07-01", "amount": {"amount": "5000.00", "currency": "CNY"},
                         "terms": [{"termId": "T1", "amount": {"amount": "5000.00", "currency": "CNY"}, "dueDate": "2026-08-01"}],
                         "deliveryIds": ["D3"]}""",
                "/customers/{c}/invoices/INV-2/credit-notes", """
                        {"creditNoteId": "CN-1", "occurredOn": "2026-07-05", "amount": {"amount": "500.00", "currency": "CNY"},
                         "reason": "2 t returned damaged"}""",
                "/customers/{c}/payments", payment("P-1", "2026-08-15", "4000.00", "BANK_TRANSFER", ""),
                "/customers/{c}/payments", payment("P-2", "2026-09-01", "12000.00", "POSTDATED_CHEQUE", ""),
                "/customers/{c}/payments/P-2/reversal", """
                        {"occurredOn": "2026-09-10", "reason": "cheque returned unpaid"}""",
                "/customers/{c}/payments", payment("P-3", "2026-09-20", "2000.00", "BANK_TRANSFER",
                        ", \"allocations\": [{\"invoiceId\": \"INV-2\", \"amount\": {\"amount\": \"2000.00\", \"currency\": \"CNY\"}}]"),
                "/customers/{c}/payments", payment("P-4", "2026-10-01", "3000.00", "BANK_TRANSFER", ""),
                "/customers/{c}/payments", payment("P-5", "2026-10-15", "7000.00", "BANK_TRANSFER", ""),
                "/customers/{c}/invoices", invoice("INV-3", "2026-11-01", "800.00", "2026-12-01"),
                "/customers/{c}/unapplied-credit/applications", """
                        {"applicationId": "A-1", "occurredOn": "2026-11-02", "amount": {"amount": "800.00", "currency": "CNY"}}""",
                "/customers/{c}/unapplied-credit/refunds", """
                        {"refundId": "R-1", "occurredOn": "2026-11-03", "amount": {"amount": "300.00", "currency": "CNY"},
                         "reference": "refund transfer 2026-11-03"}""",
                "/customers/{c}/invoices", invoice("INV-4", "2026-11-10", "2000.00", "2026-12-10"),
                "/customers/{c}/reconciliation-statements", """
                        {"statementId": "S-2026-10", "occurredOn": "2026-11-20", "balanceAsOf": "2026-10-31",
                         "confirmedBalance": {"amount": "1600.00", "currency": "CNY"},
                         "confirmedBy": "Li Na, finance", "documentRef": "DOC-S-2026-10-stamped.pdf"}""");

        ResponseEntity<JsonNode> last = null;
        for (int i = 0; i < steps.size(); i += 2) {
            last = command(steps.get(i), steps.get(i + 1).replace("{c}", customer));
            assertThat(last.getStatusCode()).as(steps.get(i) + " " + last.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(last.getBody().get("version").asLong()).isEqualTo(i / 2);
            assertThat(last.getHeaders().getETag()).isEqualTo("\"" + i / 2 + "\"");
        }
        String position = last.getHeaders().getFirst(Headers.POSITION);

        JsonNode statement = get("/customers/{c}/statement", h -> h.set(Headers.MIN_POSITION, position)).getBody();

        assertThat(statement.get("items")).hasSize(1);
        assertThat(statement.at("/items/0/invoiceId").asText()).isEqualTo("INV-4");
        assertThat(statement.at("/items/0/open/amount").asText()).isEqualTo("2000.00");
        assertThat(statement.at("/totalOpen/0/amount").asText()).isEqualTo("2000.00");
        assertThat(statement.at("/unappliedCredit/0/amount").asText()).isEqualTo("400.00");

        assertThat(storedTypes()).containsExactly("CustomerRegistered", "ContractRecorded", "DeliveryRecorded", "DeliveryRecorded",
                "DeliveryRecorded", "DeliveryCorrected", "InvoiceIssued", "InvoiceIssued", "CreditNoteIssued", "PaymentRecorded",
                "PaymentRecorded", "PaymentReversed", "PaymentRecorded", "PaymentRecorded", "PaymentRecorded", "InvoiceIssued",
                "UnappliedCreditApplied", "UnappliedCreditRefunded", "InvoiceIssued", "ReconciliationStatementConfirmed");
        assertThat(storedPayload("InvoiceIssued", 6).at("/terms/1/dueDate").asText()).isEqualTo("2026-07-01");
        assertThat(storedPayload("PaymentRecorded", 10).at("/unapplied/amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(storedPayload("DeliveryCorrected", 5).at("/previous/missingReceiptReason").asText()).isNotBlank();
        assertThat(storedPayload("DeliveryCorrected", 5).at("/corrected/signedReceipt/documentRef").asText()).isEqualTo("DN-D3.pdf");
        assertThat(storedPayload("ReconciliationStatementConfirmed", 19).at("/ledgerBalance/amount").decimalValue()).isEqualByComparingTo("1600.00");
    }

    @Test
    void theStatementCatchesUpWithTheStreamOnItsOwn() {
        register();
        command("/customers/{c}/invoices", invoice("INV-1", "2026-11-01", "800.00", "2026-12-01"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/customers/{c}/statement", h -> { }).getBody().get("items")).hasSize(1));
    }

    @Test
    void everyStoredEventSaysWhoRecordedItWhenAndUnderWhichCommandAndCorrelation() {
        command("/customers", """
                {"customerId": "%s", "name": "Hengda", "occurredOn": "2026-01-05"}""".formatted(customer),
                id("register"), h -> h.set(Headers.CORRELATION_ID, "order-flow-42"));

        Map<String, Object> row = jdbc.sql("""
                        select time_stamp, convert_from(meta_data, 'UTF8') as meta, convert_from(payload, 'UTF8') as payload
                        from domain_event_entry where aggregate_identifier = ?""")
                .param(customer).query().singleRow();

        assertThat(java.time.Instant.parse((String) row.get("time_stamp"))).isEqualTo(clock.instant());
        assertThat((String) row.get("meta")).contains("\"clientId\":\"billing\"", "\"principal\":\"billing\"",
                "\"commandId\":\"" + id("register") + "\"", "\"correlationId\":\"order-flow-42\"");
        assertThat((String) row.get("payload")).contains("\"occurredOn\":\"2026-01-05\"", "\"name\":\"Hengda\"");
    }

    private List<String> storedTypes() {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(customer).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode storedPayload(String type, int sequence) {
        String json = jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ? and payload_type like ?""")
                .params(customer, sequence, "%." + type).query(String.class).single();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String delivery(String id, boolean signed) {
        return """
                {"deliveryId": "%s", "occurredOn": "2026-05-20",
                 "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement", %s}}"""
                .formatted(id, signed
                        ? "\"signedReceipt\": {\"signedBy\": \"Wang Wei\", \"signedOn\": \"2026-05-20\", \"documentRef\": \"DN-" + id + ".pdf\"}"
                        : "\"missingReceiptReason\": \"driver did not bring the receipt back\"");
    }

    private static String payment(String id, String on, String amount, String method, String more) {
        return """
                {"paymentId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "method": "%s"%s}"""
                .formatted(id, on, amount, method, more);
    }

    private static String invoice(String id, String on, String amount, String due) {
        return """
                {"invoiceId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%s", "currency": "CNY"}, "dueDate": "%s"}]}"""
                .formatted(id, on, amount, amount, due);
    }
}
