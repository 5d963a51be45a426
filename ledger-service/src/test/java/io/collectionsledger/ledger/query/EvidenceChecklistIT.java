package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence checklist over HTTP: what a lawyer sees before suing, and its limitation date. */
class EvidenceChecklistIT extends LedgerIT {

    @Test
    void aDeliveryWithoutASignedReceiptIsMissingAndADeliveredDunningLetterRestartsTheLimitationDate() {
        register();
        ok(command("/customers/{c}/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-1-stamped.pdf"}],
                 "paymentTerms": [{"termId": "T1", "percent": 100, "trigger": "ON_DELIVERY", "days": 30}],
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true},
                 "disputeClause": {"forum": "LITIGATION", "body": "Shanghai Pudong People's Court"}}"""));
        ok(command("/customers/{c}/deliveries", """
                {"deliveryId": "D1", "occurredOn": "2026-08-30", "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                 "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-08-30", "documentRef": "DN-D1.pdf"}}}"""));
        ok(command("/customers/{c}/deliveries", """
                {"deliveryId": "D2", "occurredOn": "2026-08-31", "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                 "missingReceiptReason": "driver did not bring it back"}}"""));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "contractId": "K-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}],
                 "deliveryIds": ["D1", "D2"]}"""));
        ok(command("/customers/{c}/dunning-letters", """
                {"letterId": "L-1", "occurredOn": "2026-11-05", "level": 2, "invoiceIds": ["INV-1"],
                 "amountDemanded": {"amount": "1000.00", "currency": "CNY"}, "lateFeesDemanded": {"amount": "0.00", "currency": "CNY"},
                 "deadline": "2026-11-20", "rightsReserved": true, "courier": "EMS", "waybill": "EA123456789CN", "documentRef": "letter-L-1.pdf"}"""));
        ResponseEntity<JsonNode> delivered = ok(command("/customers/{c}/dunning-letters/L-1/delivery", """
                {"occurredOn": "2026-11-07", "receivedBy": "front desk", "proofRef": "EMS-PROOF-1"}"""));
        String position = delivered.getHeaders().getFirst(Headers.POSITION);
        String deliveryEvent = jdbc.sql("""
                        select event_identifier from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%.DunningLetterDelivered'""")
                .param(customer).query(String.class).single();

        JsonNode checklist = ok(get("/customers/{c}/invoices/INV-1/evidence-checklist", h -> h.set(Headers.MIN_POSITION, position))).getBody();

        JsonNode receipts = item(checklist, "SIGNED_DELIVERY_RECEIPTS");
        assertThat(receipts.get("present").asBoolean()).isFalse();
        assertThat(receipts.at("/proofs/0/documentRef").asText()).isEqualTo("DN-D1.pdf");
        assertThat(receipts.at("/gaps/0").asText()).contains("D2").contains("driver did not bring it back");
        JsonNode letter = item(checklist, "DUNNING_LETTER_DELIVERED");
        assertThat(letter.get("present").asBoolean()).isTrue();
        assertThat(letter.at("/proofs/1/eventId").asText()).isEqualTo(deliveryEvent);
        assertThat(letter.at("/proofs/1/documentRef").asText()).isEqualTo("EMS-PROOF-1");
        assertThat(checklist.at("/limitation/expiresOn").asText()).isEqualTo("2029-11-07");
        assertThat(checklist.at("/limitation/restartedBy/eventId").asText()).isEqualTo(deliveryEvent);
        assertThat(checklist.at("/readiness/readyToSue").asBoolean()).isFalse();
        assertThat(checklist.at("/readiness/stillMissing").toString()).contains("SIGNED_DELIVERY_RECEIPTS").doesNotContain("CONTRACT_VALIDITY");

        JsonNode beforeTheLetter = ok(get("/customers/{c}/invoices/INV-1/evidence-checklist?asOf=2026-11-06", h -> { })).getBody();
        assertThat(beforeTheLetter.at("/limitation/expiresOn").asText()).isEqualTo("2029-10-01");
        assertThat(beforeTheLetter.at("/limitation/restartedBy").isMissingNode()).as("absent when it runs from the due date").isTrue();

        // as of a date written out: the fees accrue to it, and another test in this context may have moved today on
        JsonNode customerChecklist = ok(get("/customers/{c}/evidence-checklist?asOf=2026-11-24", h -> { })).getBody();
        assertThat(customerChecklist.at("/receivables/0/invoiceId").asText()).isEqualTo("INV-1");
        // with the late fees the letter of 11-05 fixed: 10-02..11-04, 34 days at the legal cap (15.4 % a year, below K-1's
        // 0.05 % a day) on 1,000.00, 14.345205... -> 14.35; and those accrued since, to 11-24: the legal line summed exactly from
        // the first day past due, 54 days of 0.421917..., 22.783561... -> 22.78, so 8.43 more
        assertThat(customerChecklist.at("/receivables/0/open/amount").asText()).isEqualTo("1022.78");

        ResponseEntity<String> csv = get("/customers/{c}/evidence-checklist", String.class, h -> h.setAccept(java.util.List.of(MediaType.parseMediaType("text/csv"))));
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("step,evidence,present")
                .contains(",2,SIGNED_DELIVERY_RECEIPTS,false,DN-D1.pdf,")
                .contains("2029-11-07");
    }

    @Test
    void anInvoiceTheCustomerWasNotIssuedIsAnInvalidQuery() {
        register();

        ResponseEntity<JsonNode> answer = get("/customers/{c}/invoices/INV-9/evidence-checklist", h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:invalid-query");
    }

    private static JsonNode item(JsonNode checklist, String evidence) {
        for (JsonNode item : checklist.get("items")) {
            if (item.get("evidence").asText().equals(evidence)) {
                return item;
            }
        }
        throw new AssertionError("no item " + evidence + " in " + checklist);
    }

    private static <T> ResponseEntity<T> ok(ResponseEntity<T> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer;
    }
}
