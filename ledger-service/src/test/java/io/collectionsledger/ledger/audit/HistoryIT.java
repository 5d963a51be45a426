package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor replays the story of a customer, a contract, an invoice or a legal case. */
class HistoryIT extends LedgerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String contract;
    private String invoice;
    private String legalCase;

    /** A customer with a contract, a delivery and an invoice under it, another invoice, a payment, and a lawsuit with a step. */
    @BeforeEach
    void story() {
        contract = id("K");
        invoice = id("INV");
        legalCase = id("CASE");
        ok(register());
        ok(command("/customers/{c}/contracts", """
                {"contractId": "%s", "occurredOn": "2026-02-01",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-stamped.pdf"}],
                 "paymentTerms": [{"termId": "ADV", "percent": 30, "trigger": "ADVANCE", "days": 0},
                                  {"termId": "ACC", "percent": 70, "trigger": "ON_ACCEPTANCE", "days": 30}]}""".formatted(contract)));
        ok(command("/customers/{c}/deliveries", """
                {"deliveryId": "D1", "occurredOn": "2026-05-20", "details": {"kind": "GOODS", "contractId": "%s",
                 "description": "10 t cement", "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-05-20", "documentRef": "DN-D1.pdf"}}}"""
                .formatted(contract)));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "%s", "contractId": "%s", "occurredOn": "2026-06-01", "amount": {"amount": "10000.00", "currency": "CNY"}}"""
                .formatted(invoice, contract)));
        ok(command("/customers/{c}/invoices", """
                {"invoiceId": "OTHER", "occurredOn": "2026-07-01", "amount": {"amount": "500.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "500.00", "currency": "CNY"}, "dueDate": "2026-08-01"}]}"""));
        ok(command("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-08-15", "amount": {"amount": "4000.00", "currency": "CNY"}, "method": "BANK_TRANSFER",
                 "allocations": [{"invoiceId": "%s", "amount": {"amount": "4000.00", "currency": "CNY"}}]}""".formatted(invoice),
                id("pay"), headers -> headers.set(Headers.CORRELATION_ID, id("month-end"))));
        ok(command("/customers/{c}/legal-cases", """
                {"caseId": "%s", "occurredOn": "2026-11-10", "forum": "LITIGATION", "body": "Shanghai Pudong People's Court",
                 "invoiceIds": ["%s"], "claimAmount": {"amount": "6000.00", "currency": "CNY"},
                 "preservationRequested": true, "documentRef": "complaint.pdf"}""".formatted(legalCase, invoice)));
        ok(command("/customers/{c}/legal-cases/" + legalCase + "/steps", """
                {"stepId": "S-1", "occurredOn": "2026-11-12", "step": "PRESERVATION_ORDERED", "documentRef": "ruling.pdf"}"""));
    }

    @Test
    void aCustomersHistoryIsEveryFactInOrderWithItsDateWhenAndByWhomItWasRecordedAndUnderWhichCommand() {
        JsonNode page = ok(get("/customers/{c}/history", h -> { })).getBody();

        assertThat(types(page)).containsExactly("customer.CustomerRegistered", "contract.ContractRecorded", "delivery.DeliveryRecorded",
                "receivable.InvoiceIssued", "receivable.InvoiceIssued", "payment.PaymentRecorded", "litigation.LawsuitFiled",
                "litigation.LegalStepRecorded");
        assertThat(page.get("next")).isNull();
        JsonNode payment = page.get("entries").get(5);
        assertThat(payment.get("occurredOn").asText()).isEqualTo("2026-08-15");
        assertThat(Instant.parse(payment.get("recordedAt").asText())).isEqualTo(clock.instant());
        assertThat(payment.get("principal").asText()).isEqualTo("billing");
        assertThat(payment.get("clientId").asText()).isEqualTo("billing");
        assertThat(payment.get("commandId").asText()).isEqualTo(id("pay"));
        assertThat(payment.get("correlationId").asText()).isEqualTo(id("month-end"));
        assertThat(payment.get("aggregateId").asText()).isEqualTo(customer);
        assertThat(payment.get("sequence").asLong()).isEqualTo(5);
        assertThat(payment.at("/payload/amount/amount").asText()).isEqualTo("4000.00");
        List<Long> indexes = StreamSupport.stream(page.get("entries").spliterator(), false).map(entry -> entry.get("globalIndex").asLong()).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aContractsHistoryIsEveryEventThatNamesItEvenInsideADelivery() {
        assertThat(types(ok(get("/contracts/" + contract + "/history", h -> { })).getBody()))
                .containsExactly("contract.ContractRecorded", "delivery.DeliveryRecorded", "receivable.InvoiceIssued");
    }

    @Test
    void anInvoicesHistoryIncludesThePaymentsAllocatedToItAndTheLawsuitOverIt() {
        assertThat(types(ok(get("/invoices/" + invoice + "/history", h -> { })).getBody()))
                .containsExactly("receivable.InvoiceIssued", "payment.PaymentRecorded", "litigation.LawsuitFiled");
    }

    @Test
    void aLegalCasesHistoryIsTheFilingAndEveryStep() {
        assertThat(types(ok(get("/legal-cases/" + legalCase + "/history", h -> { })).getBody()))
                .containsExactly("litigation.LawsuitFiled", "litigation.LegalStepRecorded");
    }

    @Test
    void idsThatRepeatAcrossCustomersAreNarrowedToOneCustomer() {
        String mine = "/invoices/OTHER/history?customerId=" + customer;

        assertThat(types(ok(get(mine, h -> { })).getBody())).containsExactly("receivable.InvoiceIssued");
        assertThat(get("/invoices/OTHER/history?customerId=nobody", h -> { }).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLongHistoryIsReadPageByPageWithTheCursorItGives() {
        List<String> read = new ArrayList<>();
        JsonNode page = ok(get("/customers/{c}/history?limit=3", h -> { })).getBody();
        read.addAll(types(page));
        int pages = 1;
        while (page.hasNonNull("next")) {
            page = ok(get("/customers/{c}/history?limit=3&after=" + page.get("next").asLong(), h -> { })).getBody();
            read.addAll(types(page));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(read).isEqualTo(types(ok(get("/customers/{c}/history", h -> { })).getBody()));
    }

    @Test
    void historiesAreFilteredByTypeAndByBusinessDateAndByRecordingTime() {
        assertThat(types(ok(get("/customers/{c}/history?type=InvoiceIssued&type=PaymentRecorded", h -> { })).getBody()))
                .containsExactly("receivable.InvoiceIssued", "receivable.InvoiceIssued", "payment.PaymentRecorded");
        assertThat(types(ok(get("/customers/{c}/history?type=receivable.InvoiceIssued&type=PaymentRecorded", h -> { })).getBody()))
                .as("by logical name or by the event name alone")
                .containsExactly("receivable.InvoiceIssued", "receivable.InvoiceIssued", "payment.PaymentRecorded");
        assertThat(types(ok(get("/customers/{c}/history?occurredFrom=2026-06-01&occurredTo=2026-08-15", h -> { })).getBody()))
                .containsExactly("receivable.InvoiceIssued", "receivable.InvoiceIssued", "payment.PaymentRecorded");
        Instant recorded = clock.instant();
        assertThat(types(ok(get("/customers/{c}/history?recordedFrom=" + recorded, h -> { })).getBody())).hasSize(8);
        assertThat(types(ok(get("/customers/{c}/history?recordedTo=" + recorded, h -> { })).getBody())).isEmpty();
        assertThat(types(ok(get("/customers/{c}/history?recordedFrom=" + recorded.plusMillis(1), h -> { })).getBody())).isEmpty();
    }

    @Test
    void aHistoryExportsAsNdjsonOneEntryPerLine() throws IOException {
        ResponseEntity<String> export = getText("/invoices/" + invoice + "/history", h -> h.set("Accept", "application/x-ndjson"));

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).hasToString("application/x-ndjson");
        List<String> lines = export.getBody().lines().toList();
        List<String> exported = new ArrayList<>();
        for (String line : lines) {
            exported.add(JSON.readTree(line).get("type").asText());
        }
        assertThat(exported).containsExactly("receivable.InvoiceIssued", "payment.PaymentRecorded", "litigation.LawsuitFiled");
    }

    @Test
    void anUnknownSubjectIsNotFoundAndABadFilterIsAnInvalidQuery() {
        for (String unknown : List.of("/customers/nobody/history", "/contracts/nothing/history", "/invoices/nothing/history",
                "/legal-cases/nothing/history")) {
            ResponseEntity<JsonNode> answer = get(unknown, h -> { });
            assertThat(answer.getStatusCode()).as(unknown).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:collections-ledger:problem:not-found");
        }
        for (String bad : List.of("?type=PaymentMade", "?limit=0", "?limit=1001", "?after=-1", "?occurredFrom=yesterday",
                "?recordedFrom=2026-01-01")) {
            ResponseEntity<JsonNode> answer = get("/customers/{c}/history" + bad, h -> { });
            assertThat(answer.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("type").asText()).as(bad).isEqualTo("urn:collections-ledger:problem:invalid-query");
        }
        assertThat(get("/customers/{c}/history?type=PaymentMade", h -> { }).getBody().get("detail").asText()).contains("PaymentRecorded");
    }

    private static List<String> types(JsonNode page) {
        return StreamSupport.stream(page.get("entries").spliterator(), false).map(entry -> entry.get("type").asText()).toList();
    }

    private static ResponseEntity<JsonNode> ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
        return answer;
    }
}
