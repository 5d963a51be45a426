package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A collector's, a credit manager's and a lawyer's work over HTTP, and the ERP's bulk import. */
class CollectionsIT extends LedgerIT {

    private static final String OVERDUE_INVOICE = """
            {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
             "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}""";

    @Test
    void anOverdueCustomerFromFirstCallToLawsuitAndWriteOff() {
        register();
        ok(command("/customers/{c}/invoices", OVERDUE_INVOICE));
        ok(command("/customers/{c}/collector-assignments", """
                {"occurredOn": "2026-11-01", "collector": "collector-li", "tier": "B"}"""));
        ok(command("/customers/{c}/credit-limits", """
                {"occurredOn": "2026-11-01", "limit": {"amount": "50000.00", "currency": "CNY"}, "reason": "annual review"}"""));
        ok(command("/customers/{c}/contact-attempts", """
                {"contactId": "CT-1", "occurredOn": "2026-11-02", "collector": "collector-li", "channel": "PHONE",
                 "partyReached": "Zhang Min, CFO", "outcome": "PROMISE_OBTAINED", "excuse": "APPROVAL_IN_PROGRESS",
                 "recordingRef": "rec-2026-11-02-001"}"""));
        refused(command("/customers/{c}/payment-promises", promise("PR-1", "1000.01")), HttpStatus.UNPROCESSABLE_ENTITY, "promise-exceeds-open-amount");
        ok(command("/customers/{c}/payment-promises", promise("PR-1", "600.00")));
        ok(command("/customers/{c}/disputes", """
                {"disputeId": "DSP-1", "occurredOn": "2026-11-03", "invoiceId": "INV-1", "amount": {"amount": "300.00", "currency": "CNY"},
                 "reason": "QUALITY", "description": "tiles cracked on arrival"}"""));
        refused(command("/customers/{c}/dunning-letters", letter("1000.00")), HttpStatus.UNPROCESSABLE_ENTITY, "dunning-for-disputed-amount");
        ok(command("/customers/{c}/dunning-letters", letter("700.00")));
        refused(command("/customers/{c}/dunning-letters/L-1/delivery", """
                {"occurredOn": "2026-11-04", "receivedBy": "front desk", "proofRef": "EMS-PROOF-1"}"""),
                HttpStatus.UNPROCESSABLE_ENTITY, "delivery-before-sending");
        ok(command("/customers/{c}/dunning-letters/L-1/delivery", """
                {"occurredOn": "2026-11-07", "receivedBy": "front desk", "proofRef": "EMS-PROOF-1"}"""));
        ok(command("/customers/{c}/guarantees", """
                {"guaranteeId": "G-1", "occurredOn": "2026-11-08", "kind": "PERSONAL_GUARANTEE", "guarantor": "Zhang Wei, controller",
                 "amountCovered": {"amount": "1000.00", "currency": "CNY"}, "documentRef": "G-1-signed.pdf"}"""));
        ok(command("/customers/{c}/asset-leads", """
                {"leadId": "AL-1", "occurredOn": "2026-11-08", "kind": "BANK_ACCOUNT", "description": "ICBC Pudong branch account",
                 "source": "old remittance"}"""));
        ok(command("/customers/{c}/early-warnings", """
                {"warningId": "W-1", "occurredOn": "2026-11-09", "signal": "REPEATED_EXTENSION_REQUESTS"}"""));
        ok(command("/customers/{c}/supply-suspensions", """
                {"occurredOn": "2026-11-09", "reason": "two months overdue"}"""));
        ok(command("/customers/{c}/legal-cases", """
                {"caseId": "CASE-1", "occurredOn": "2026-11-10", "forum": "LITIGATION", "body": "Shanghai Pudong People's Court",
                 "invoiceIds": ["INV-1"], "claimAmount": {"amount": "1000.00", "currency": "CNY"},
                 "preservationRequested": true, "documentRef": "complaint.pdf"}"""));
        ok(command("/customers/{c}/legal-cases/CASE-1/steps", """
                {"stepId": "S-1", "occurredOn": "2026-11-12", "step": "PRESERVATION_ORDERED", "documentRef": "ruling.pdf"}"""));
        refused(command("/customers/{c}/payment-plans", plan(false)), HttpStatus.UNPROCESSABLE_ENTITY, "invoice-in-litigation");
        ok(command("/customers/{c}/invoices/INV-1/write-offs", """
                {"writeOffId": "WO-1", "occurredOn": "2026-11-20", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "reason": "customer in bankruptcy"}"""));
        refused(command("/customers/{c}/payment-promises", with(promise("PR-2", "10.00"), "\"invoiceIds\": [\"INV-1\"]")),
                HttpStatus.UNPROCESSABLE_ENTITY, "receivable-written-off");
        ok(command("/customers/{c}/invoices/INV-1/recoveries", """
                {"recoveryId": "REC-1", "occurredOn": "2026-11-22", "amount": {"amount": "120.00", "currency": "CNY"},
                 "reference": "bankruptcy dividend"}"""));

        assertThat(eventsOf(customer)).isEqualTo(17);
    }

    @Test
    void aLawsuitNeedsSomethingOverdue() {
        register();
        ok(command("/customers/{c}/invoices", OVERDUE_INVOICE.replace("2026-10-01", "2026-12-31")));

        refused(command("/customers/{c}/legal-cases", """
                {"caseId": "CASE-1", "occurredOn": "2026-11-10", "forum": "ARBITRATION", "body": "SHIAC",
                 "invoiceIds": ["INV-1"], "claimAmount": {"amount": "1000.00", "currency": "CNY"},
                 "preservationRequested": false, "documentRef": "application.pdf"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "nothing-overdue");
    }

    @Test
    void aBulkImportAnswersEachItemOnItsOwnAndARepeatRecordsNothing() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String c = customer + "-" + i;
            items.add(item(c + "-reg", "RegisterCustomer", """
                    {"customerId": "%s", "name": "Customer %d", "occurredOn": "2026-01-05"}""".formatted(c, i)));
            items.add(item(c + "-inv", "IssueInvoice", with(OVERDUE_INVOICE, "\"customerId\": \"" + c + "\"")));
            items.add(item(c + "-pay", "RecordPayment", """
                    {"customerId": "%s", "paymentId": "P-1", "occurredOn": "2026-11-01", "amount": {"amount": "400.00", "currency": "CNY"},
                     "method": "BANK_TRANSFER"}""".formatted(c)));
        }
        items.set(4, item(customer + "-1-inv", "IssueInvoice", "{\"customerId\": \"" + customer + "-1\", \"invoiceId\": \"INV-1\"}"));
        items.set(8, item(customer + "-2-pay", "RecordPayment", """
                {"customerId": "%s-2", "paymentId": "P-1", "occurredOn": "2026-11-01", "amount": {"amount": "4.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "INV-9", "amount": {"amount": "4.00", "currency": "CNY"}}]}""".formatted(customer)));
        String batch = "{\"items\": [" + String.join(",", items) + "]}";

        JsonNode first = importBatch(batch);
        long events = eventCount();
        JsonNode again = importBatch(batch);

        assertThat(first.get("accepted").asInt()).isEqualTo(898);
        assertThat(first.at("/results/4/status").asInt()).isEqualTo(400);
        assertThat(first.at("/results/4/problem/type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-command");
        assertThat(first.at("/results/8/problem/type").asText()).isEqualTo("urn:collections-ledger:problem:unknown-invoice");
        assertThat(first.at("/results/5/status").asInt()).isEqualTo(200);
        assertThat(again.get("accepted").asInt()).isEqualTo(898);
        assertThat(again.at("/results/0/replayed").asBoolean()).isTrue();
        assertThat(eventCount()).isEqualTo(events);
    }

    private JsonNode importBatch(String batch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(Tokens.mint("erp", "service"));
        ResponseEntity<JsonNode> answer = http.exchange("/imports", HttpMethod.POST, new HttpEntity<>(batch, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String item(String commandId, String type, String command) {
        return "{\"commandId\": \"" + commandId + "\", \"type\": \"" + type + "\", \"command\": " + command + "}";
    }

    private static String promise(String id, String amount) {
        return """
                {"promiseId": "%s", "occurredOn": "2026-11-02", "amount": {"amount": "%s", "currency": "CNY"},
                 "promisedDate": "2026-11-30", "form": "WRITTEN", "collector": "collector-li", "documentRef": "commitment.pdf"}"""
                .formatted(id, amount);
    }

    private static String letter(String amount) {
        return """
                {"letterId": "L-1", "occurredOn": "2026-11-05", "level": 2, "invoiceIds": ["INV-1"],
                 "amountDemanded": {"amount": "%s", "currency": "CNY"}, "lateFeesDemanded": {"amount": "0.00", "currency": "CNY"},
                 "deadline": "2026-11-20", "rightsReserved": true, "courier": "EMS", "waybill": "EA123456789CN",
                 "documentRef": "letter-L-1.pdf"}""".formatted(amount);
    }

    private static String plan(boolean saysSo) {
        return """
                {"planId": "PLAN-1", "occurredOn": "2026-11-15", "invoiceIds": ["INV-1"], "coversInvoicesInLitigation": %s,
                 "installments": [{"installmentId": "I1", "principal": {"amount": "1000.00", "currency": "CNY"},
                                   "interest": {"amount": "10.00", "currency": "CNY"}, "dueDate": "2026-12-15"}],
                 "documentRef": "supplementary-agreement.pdf"}""".formatted(saysSo);
    }

    private static void ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }

    private static void refused(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:" + type);
    }
}
