package io.collectionsledger.ledger;

import java.time.LocalDate;

/**
 * The README's demo case (deploy/demo.sh), recorded through the API of a running service, its dates relative to {@code today}.
 * {@link #load()} leaves out the script's collector assignment, credit limit and lawsuit, so that the documents' tests can
 * still send dunning letters on its invoices; {@link #loadAsTheScriptDoes()} records them too.
 */
public final class DemoCustomer {

    private final RunningService service;
    private final String id;
    private final String name;
    private final LocalDate today;

    public DemoCustomer(RunningService service, String id, String name, LocalDate today) {
        this.service = service;
        this.id = id;
        this.name = name;
        this.today = today;
    }

    public void load() {
        load(false);
    }

    /** Every fact deploy/demo.sh records, in its order (the close of the business days is the caller's). */
    public void loadAsTheScriptDoes() {
        load(true);
    }

    private void load(boolean asTheScript) {
        send("", """
                {"customerId": "%s", "name": "%s", "registrationNumber": "91310115MA1K4XYZ2B", "occurredOn": "%s",
                 "creditFile": {"founded": "2009-03-01", "responsibleForPayment": "Zhang Min, CFO"}}""".formatted(id, name, day(-400)));
        if (asTheScript) {
            send("/collector-assignments", """
                    {"occurredOn": "%s", "collector": "collector-li", "tier": "B"}""".formatted(day(-400)));
            send("/credit-limits", """
                    {"occurredOn": "%s", "limit": {"amount": "200000.00", "currency": "CNY"}, "reason": "opening limit"}""".formatted(day(-400)));
        }
        send("/contracts", """
                {"contractId": "K-2026-001", "occurredOn": "%s",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-2026-001-stamped.pdf"}],
                 "paymentTerms": [{"termId": "ADV", "percent": 30, "trigger": "ADVANCE", "days": 0},
                                  {"termId": "ACC", "percent": 60, "trigger": "ON_ACCEPTANCE", "days": 30},
                                  {"termId": "WAR", "percent": 10, "trigger": "AFTER_WARRANTY", "days": 365}],
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true},
                 "disputeClause": {"forum": "LITIGATION", "body": "上海市浦东新区人民法院"}, "documentRef": "K-2026-001.pdf"}""".formatted(day(-200)));
        for (String[] delivery : new String[][]{{"D1", "-150"}, {"D2", "-100"}}) {
            send("/deliveries", """
                    {"deliveryId": "%s", "occurredOn": "%s", "details": {"kind": "GOODS", "contractId": "K-2026-001",
                     "description": "40 t cement", "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "%s", "documentRef": "DN-%s.pdf"}}}"""
                    .formatted(delivery[0], day(Integer.parseInt(delivery[1])), day(Integer.parseInt(delivery[1])), delivery[0]));
        }
        send("/deliveries", """
                {"deliveryId": "D3", "occurredOn": "%s", "details": {"kind": "GOODS", "contractId": "K-2026-001", "description": "20 t cement",
                 "missingReceiptReason": "the driver did not bring the signed receipt back"}}""".formatted(day(-70)));
        send("/invoices", """
                {"invoiceId": "INV-001", "contractId": "K-2026-001", "occurredOn": "%s", "amount": {"amount": "100000.00", "currency": "CNY"},
                 "deliveryIds": ["D1", "D2"], "documentRef": "fapiao-001.pdf"}""".formatted(day(-120)));
        send("/invoices", """
                {"invoiceId": "INV-002", "contractId": "K-2026-001", "occurredOn": "%s", "amount": {"amount": "50000.00", "currency": "CNY"},
                 "deliveryIds": ["D3"], "documentRef": "fapiao-002.pdf"}""".formatted(day(-65)));
        send("/payments", """
                {"paymentId": "P-001", "occurredOn": "%s", "amount": {"amount": "45000.00", "currency": "CNY"}, "method": "BANK_TRANSFER",
                 "reference": "ICBC 2026-0815-001"}""".formatted(day(-80)));
        send("/contact-attempts", """
                {"contactId": "CT-001", "occurredOn": "%s", "collector": "collector-li", "channel": "PHONE", "partyReached": "Zhang Min, CFO",
                 "outcome": "PROMISE_OBTAINED", "excuse": "OWN_CUSTOMER_HAS_NOT_PAID", "recordingRef": "call-001"}""".formatted(day(-40)));
        send("/payment-promises", """
                {"promiseId": "PR-001", "occurredOn": "%s", "amount": {"amount": "20000.00", "currency": "CNY"}, "promisedDate": "%s",
                 "form": "WRITTEN", "collector": "collector-li", "documentRef": "commitment-PR-001.pdf"}""".formatted(day(-40), day(-30)));
        send("/dunning-letters", """
                {"letterId": "L-001", "occurredOn": "%s", "level": 2, "invoiceIds": ["INV-001", "INV-002"],
                 "amountDemanded": {"amount": "90000.00", "currency": "CNY"}, "lateFeesDemanded": {"amount": "0.00", "currency": "CNY"},
                 "deadline": "%s", "rightsReserved": true, "courier": "EMS", "waybill": "EA204512345CN", "documentRef": "dunning-L-001.pdf"}"""
                .formatted(day(-25), day(-15)));
        send("/dunning-letters/L-001/delivery", """
                {"occurredOn": "%s", "receivedBy": "reception, signed", "proofRef": "EMS-EA204512345CN-proof.pdf"}""".formatted(day(-22)));
        send("/guarantees", """
                {"guaranteeId": "G-001", "occurredOn": "%s", "kind": "PERSONAL_GUARANTEE", "guarantor": "Zhang Wei, actual controller",
                 "amountCovered": {"amount": "105000.00", "currency": "CNY"}, "documentRef": "guarantee-G-001.pdf"}""".formatted(day(-20)));
        send("/asset-leads", """
                {"leadId": "AL-001", "occurredOn": "%s", "kind": "BANK_ACCOUNT", "description": "basic account at ICBC Pudong branch",
                 "source": "remittance of P-001"}""".formatted(day(-20)));
        send("/supply-suspensions", """
                {"occurredOn": "%s", "reason": "promise PR-001 broken"}""".formatted(day(-20)));
        if (asTheScript) {
            send("/legal-cases", """
                    {"caseId": "CASE-001", "occurredOn": "%s", "forum": "LITIGATION", "body": "上海市浦东新区人民法院",
                     "invoiceIds": ["INV-001", "INV-002"], "claimAmount": {"amount": "95000.00", "currency": "CNY"},
                     "preservationRequested": true, "documentRef": "complaint-CASE-001.pdf"}""".formatted(day(-10)));
            send("/legal-cases/CASE-001/steps", """
                    {"stepId": "STEP-001", "occurredOn": "%s", "step": "PRESERVATION_ORDERED", "description": "ICBC account frozen up to 95,000",
                     "documentRef": "preservation-ruling.pdf"}""".formatted(day(-5)));
        }
    }

    private void send(String path, String json) {
        service.send(path.isEmpty() ? "/customers" : "/customers/" + id + path, json);
    }

    private String day(int offset) {
        return today.plusDays(offset).toString();
    }
}
