package io.collectionsledger.ledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was recorded, read back: the README's tour and the collection work after it, each record
 * one by one and in lists, as of a date and as known at a time, the customers a page at a time,
 * in JSON and CSV, to the read roles and the services, and 404 for what the journal did not hold.
 */
class LookupsIT extends LedgerIT {

    private String position;

    @Test
    void everyRecordOfTheTourAndTheCollectionWorkAfterItIsReadBack() {
        recordTheTour();
        recordTheCollectionWork();

        JsonNode file = read("/customers/{c}");
        assertThat(file.get("name").asText()).isEqualTo("Hengda Building Materials Co.");
        assertThat(file.at("/creditFile/responsibleForPayment").asText()).isEqualTo("Zhang Min, CFO");
        assertThat(file.get("collector").asText()).isEqualTo("collector-li");
        assertThat(file.get("tier").asText()).isEqualTo("B");
        assertThat(file.at("/creditLimit/amount").asText()).isEqualTo("50000.00");
        assertThat(file.at("/supply/suspended").asBoolean()).isTrue();
        assertThat(file.at("/supply/reason").asText()).isEqualTo("letter unanswered");
        assertThat(file.get("receivableClasses")).extracting(JsonNode::asText).containsExactly("OVERDUE");
        JsonNode cny = file.get("totals").get(0);
        assertThat(cny.get("currency").asText()).isEqualTo("CNY");
        // INV-2's 500.00 and the plan's 800.00; INV-1 is paid, INV-3 written off
        assertThat(cny.at("/open/amount").asText()).isEqualTo("1300.00");
        assertThat(cny.at("/overdue/amount").asText()).isEqualTo("500.00");
        assertThat(cny.at("/unappliedCredit/amount").asText()).isEqualTo("100.00");
        assertThat(cny.at("/disputed/amount").asText()).isEqualTo("0.00");
        assertThat(file.get("openPromises").asInt()).isEqualTo(1);
        assertThat(file.get("openDisputes").asInt()).isZero();
        assertThat(file.get("dunningLetters").asInt()).isEqualTo(1);
        assertThat(file.get("legalCases").asInt()).isEqualTo(1);
        // its early-warning facts: the sign flagged, and the new person responsible for paying beside the one registered
        assertThat(file.at("/earlyWarnings/0/signal").asText()).isEqualTo("REPEATED_EXTENSION_REQUESTS");
        assertThat(file.at("/responsible/responsibleForPayment").asText()).isEqualTo("Li Hua, new CFO");
        assertThat(file.at("/responsiblePersonChanges/0/previous").asText()).isEqualTo("Zhang Min, CFO");
        assertThat(file.at("/responsiblePersonChanges/0/source").asText()).isEqualTo("business registration extract");
        assertThat(read("/customers/{c}?asOf=2026-10-31").at("/responsible/responsibleForPayment").asText()).isEqualTo("Zhang Min, CFO");

        JsonNode contract = read("/customers/{c}/contracts/K-1");
        assertThat(contract.get("paymentTerms")).extracting(term -> term.get("termId").asText()).containsExactly("ADV", "ACC", "WAR");
        assertThat(contract.at("/disputeClause/forum").asText()).isEqualTo("LITIGATION");
        assertThat(contract.at("/validity/0/documentRef").asText()).isEqualTo("K-1-stamped.pdf");
        assertThat(ids(read("/customers/{c}/contracts"), "contractId")).containsExactly("K-1");

        JsonNode delivery = read("/customers/{c}/deliveries/D2");
        assertThat(delivery.at("/details/signedReceipt/documentRef").asText()).isEqualTo("DN-D2.pdf");
        assertThat(delivery.at("/original/missingReceiptReason").asText()).isEqualTo("driver did not bring it back");
        assertThat(delivery.get("corrections")).hasSize(1);
        assertThat(delivery.at("/corrections/0/reason").asText()).isEqualTo("signed receipt found");
        assertThat(ids(read("/customers/{c}/deliveries"), "deliveryId")).containsExactly("D1", "D2");

        JsonNode paid = read("/customers/{c}/invoices/INV-1");
        assertThat(paid.get("terms")).extracting(term -> term.get("termId").asText()).containsExactly("ADV", "ACC", "WAR");
        assertThat(paid.get("terms")).allSatisfy(term -> assertThat(term.get("dueDate").isTextual()).isTrue());
        assertThat(paid.at("/open/amount").asText()).isEqualTo("0.00");
        assertThat(paid.at("/creditNotes/0/creditNoteId").asText()).isEqualTo("CN-1");
        assertThat(paid.get("allocations")).extracting(a -> a.get("source").asText() + " " + a.get("sourceId").asText())
                .contains("PAYMENT P-1", "PAYMENT P-2", "PAYMENT_REVERSAL P-2", "PAYMENT P-3");
        JsonNode overdue = read("/customers/{c}/invoices/INV-2");
        assertThat(overdue.get("receivableClass").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.at("/open/amount").asText()).isEqualTo("500.00");
        assertThat(overdue.at("/terms/0/daysPastDue").asLong())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse("2026-10-01"), today()));
        assertThat(overdue.get("allocations")).extracting(a -> a.get("source").asText()).contains("CREDIT_APPLICATION");
        assertThat(overdue.at("/disputes/0/resolution/resolution").asText()).isEqualTo("REJECTED");
        JsonNode writtenOff = read("/customers/{c}/invoices/INV-3");
        assertThat(writtenOff.at("/open/amount").asText()).isEqualTo("0.00");
        assertThat(writtenOff.at("/writeOffs/0/amount/amount").asText()).isEqualTo("1000.00");
        assertThat(writtenOff.at("/recoveries/0/amount/amount").asText()).isEqualTo("200.00");
        assertThat(read("/customers/{c}/invoices/INV-4").at("/terms/0/rescheduled/amount").asText()).isEqualTo("800.00");
        assertThat(ids(read("/customers/{c}/invoices"), "invoiceId")).containsExactly("INV-1", "INV-2", "INV-3", "INV-4");

        JsonNode reversed = read("/customers/{c}/payments/P-2");
        assertThat(reversed.at("/reversal/reason").asText()).isEqualTo("cheque returned unpaid");
        assertThat(read("/customers/{c}/payments/P-3").at("/unapplied/amount").asText()).isEqualTo("500.00");
        assertThat(ids(read("/customers/{c}/payments"), "paymentId")).containsExactly("P-1", "P-2", "P-3");

        JsonNode promise = read("/customers/{c}/payment-promises/PR-1");
        assertThat(promise.hasNonNull("outcome")).isFalse();
        assertThat(promise.at("/amount/amount").asText()).isEqualTo("200.00");
        JsonNode plan = read("/customers/{c}/payment-plans/PL-1");
        assertThat(plan.at("/open/amount").asText()).isEqualTo("800.00");
        assertThat(plan.get("installments")).extracting(i -> i.at("/interestOpen/amount").asText()).containsExactly("4.00", "4.00");
        assertThat(read("/customers/{c}/disputes/DS-1").at("/resolution/resolution").asText()).isEqualTo("REJECTED");
        JsonNode letter = read("/customers/{c}/dunning-letters/L-1");
        assertThat(letter.at("/delivery/proofRef").asText()).isEqualTo("EMS-EA1.pdf");
        assertThat(read("/customers/{c}/guarantees/G-1").get("kind").asText()).isEqualTo("PERSONAL_GUARANTEE");
        assertThat(read("/customers/{c}/asset-leads/AL-1").get("kind").asText()).isEqualTo("BANK_ACCOUNT");
        JsonNode legalCase = read("/customers/{c}/legal-cases/LC-1");
        assertThat(legalCase.get("steps")).extracting(step -> step.get("step").asText()).containsExactly("PRESERVATION_ORDERED");
        for (String list : List.of("payment-promises", "payment-plans", "disputes", "dunning-letters", "guarantees", "asset-leads",
                "legal-cases")) {
            assertThat(read("/customers/{c}/" + list).get("records")).as(list).hasSize(1);
        }

        // every list as CSV: a header and a row per record
        String invoices = get("/customers/{c}/invoices", String.class, csv()).getBody();
        assertThat(invoices.lines()).hasSize(5);
        assertThat(invoices.lines().skip(1)).anySatisfy(row -> assertThat(row).startsWith("INV-2,,2026-09-01,").contains(",500.00,"));
        for (String list : List.of("contracts", "deliveries", "payments", "payment-promises", "payment-plans", "disputes",
                "dunning-letters", "guarantees", "asset-leads", "legal-cases")) {
            ResponseEntity<String> answer = get("/customers/{c}/" + list, String.class, csv());
            assertThat(answer.getHeaders().getContentType().toString()).as(list).startsWith("text/csv");
            assertThat(answer.getBody().lines().count()).as(list).isGreaterThan(1);
        }
    }

    @Test
    void asOfADateAndAsKnownAtATimeTheRecordsAreAsTheyThenStood() {
        Instant beforeRegistration = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        register();
        send("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-09-01", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}""");
        Instant beforePayment = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        send("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-11-10", "amount": {"amount": "400.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}""");

        assertThat(read("/customers/{c}/invoices/INV-1").at("/open/amount").asText()).isEqualTo("600.00");
        JsonNode known = read("/customers/{c}/invoices/INV-1?knownAt=" + beforePayment);
        assertThat(known.at("/open/amount").asText()).isEqualTo("1000.00");
        assertThat(known.get("allocations")).isEmpty();
        JsonNode past = read("/customers/{c}/invoices/INV-1?asOf=2026-11-01");
        assertThat(past.at("/overdue/amount").asText()).isEqualTo("1000.00");
        assertThat(past.at("/terms/0/daysPastDue").asInt()).isEqualTo(31);
        assertThat(read("/customers/{c}?asOf=2026-11-01").at("/totals/0/overdue/amount").asText()).isEqualTo("1000.00");

        assertProblem("/customers/{c}/invoices/INV-1?asOf=2026-08-31", "unknown-invoice");
        assertProblem("/customers/{c}/payments/P-1?knownAt=" + beforePayment, "unknown-payment");
        assertProblem("/customers/{c}?asOf=2026-01-04", "unknown-customer");
        assertProblem("/customers/{c}?knownAt=" + beforeRegistration, "unknown-customer");
        assertProblem("/customers/{c}/invoices?knownAt=" + beforeRegistration, "unknown-customer");
    }

    @Test
    void whatTheJournalDoesNotHoldIsNotFoundByItsKind() {
        assertProblem("/customers/{c}", "unknown-customer");
        assertProblem("/customers/{c}/payments", "unknown-customer");
        register();
        send("/customers/{c}/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01"}""");
        List<String[]> unknown = List.of(new String[]{"contracts", "unknown-contract"}, new String[]{"deliveries", "unknown-delivery"},
                new String[]{"invoices", "unknown-invoice"}, new String[]{"payments", "unknown-payment"},
                new String[]{"payment-promises", "unknown-promise"}, new String[]{"payment-plans", "unknown-plan"},
                new String[]{"disputes", "unknown-dispute"}, new String[]{"dunning-letters", "unknown-letter"},
                new String[]{"guarantees", "unknown-guarantee"}, new String[]{"asset-leads", "unknown-asset-lead"},
                new String[]{"legal-cases", "unknown-case"});
        for (String[] kind : unknown) {
            assertProblem("/customers/{c}/" + kind[0] + "/NOPE-1", kind[1]);
            assertThat(read("/customers/{c}/" + kind[0]).get("kind").asText()).isEqualTo(kind[0]);
        }
    }

    @Test
    void theCustomersComeInPagesFilteredAndSortedByNameOrByWhatTheyOwe() {
        String tag = "Lk" + customer.substring(2, 10);
        String alpha = customer + "-A";
        String beta = customer + "-B";
        String gamma = customer + "-G";
        registered(alpha, "Alpha " + tag);
        registered(beta, "Beta " + tag.toUpperCase());
        registered(gamma, "Gamma " + tag);
        invoice(alpha, "INV-A", "100.00");
        send("/customers/" + beta + "/collector-assignments", """
                {"occurredOn": "2026-11-01", "collector": "collector-wu", "tier": "A"}""");
        Instant beforeBetaOwed = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        invoice(beta, "INV-B", "300.00");
        send("/customers/" + beta + "/invoices/INV-B/classifications", """
                {"occurredOn": "2026-11-20", "receivableClass": "DOUBTFUL", "reason": "no answer for weeks"}""");
        String name = "name=" + tag.toLowerCase();

        JsonNode first = read("/customers?" + name + "&limit=2");
        assertThat(ids(first.get("customers"))).containsExactly(alpha, beta);
        JsonNode second = read("/customers?" + name + "&limit=2&after=" + first.get("nextAfter").asText());
        assertThat(ids(second.get("customers"))).containsExactly(gamma);
        assertThat(second.hasNonNull("nextAfter")).isFalse();

        assertThat(allPages("/customers?" + name + "&sort=OPEN_AMOUNT&currency=CNY&limit=1")).containsExactly(beta, alpha, gamma);
        JsonNode owing = read("/customers?" + name + "&sort=OPEN_AMOUNT&currency=CNY");
        assertThat(owing.at("/customers/0/open/0/amount").asText()).isEqualTo("300.00");
        assertThat(owing.at("/customers/0/tier").asText()).isEqualTo("A");
        assertThat(ids(read("/customers?" + name + "&collector=collector-wu").get("customers"))).containsExactly(beta);
        assertThat(ids(read("/customers?" + name + "&tier=A").get("customers"))).containsExactly(beta);
        assertThat(ids(read("/customers?" + name + "&receivableClass=DOUBTFUL").get("customers"))).containsExactly(beta);
        assertThat(ids(read("/customers?" + name + "&receivableClass=CURRENT").get("customers"))).containsExactly(alpha);

        // as known before beta owed anything, beta is folded from its facts and owes nothing
        assertThat(allPages("/customers?" + name + "&sort=OPEN_AMOUNT&currency=CNY&limit=1&knownAt=" + beforeBetaOwed))
                .containsExactly(alpha, beta, gamma);
        assertThat(ids(read("/customers?" + name + "&receivableClass=DOUBTFUL&knownAt=" + beforeBetaOwed).get("customers"))).isEmpty();
        // as of a day before any of them was registered, none of them
        assertThat(ids(read("/customers?" + name + "&asOf=2026-01-01").get("customers"))).isEmpty();

        String csv = get("/customers?" + name, String.class, csv()).getBody();
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv.lines().skip(1)).anySatisfy(row -> assertThat(row).startsWith(beta + ",").endsWith("DOUBTFUL,CNY 300.00"));

        assertProblem("/customers?sort=OPEN_AMOUNT", "invalid-query");
        assertProblem("/customers?currency=XYZ1", "invalid-query");
        assertProblem("/customers?after=not-a-cursor", "invalid-query");
        assertProblem("/customers?limit=0", "invalid-query");
        assertProblem("/customers?tier=D", "invalid-query");
        assertThat(get("/customers?tier=D", afterMyWrites()).getBody().get("detail").asText()).isEqualTo("tier: one of [A, B, C]; got D");
        assertThat(get("/customers?receivableClass=LOST", String.class, csv()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // an export is every customer: no page to ask for
        assertThat(get("/customers?limit=2", String.class, csv()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // the filters are the query string's: a header named like one of them filters nothing
        assertThat(ids(get("/customers?" + name, afterMyWrites().andThen(h -> h.set("Collector", "nobody"))).getBody().get("customers")))
                .containsExactly(alpha, beta, gamma);
    }

    @Test
    void theServicesThatRecordedTheFactsReadThemBackAndEveryReadIsLogged() {
        registered(customer, "Hengda Building Materials Co.");
        for (String role : List.of("service", "collector", "auditor", "analyst")) {
            ResponseEntity<JsonNode> answer = get("/customers/{c}", afterMyWrites().andThen(h -> h.setBearerAuth(Tokens.mint("reader-" + role, role))));
            assertThat(answer.getStatusCode()).as(role).isEqualTo(HttpStatus.OK);
        }
        assertThat(get("/customers/{c}", h -> h.setBearerAuth(Tokens.mint("nobody"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the access log watches the auditor's and the analyst's reads
        assertThat(jdbc.sql("select count(*) from access_log where path = ?").param("/customers/" + customer).query(Long.class).single())
                .isEqualTo(2);
    }

    // ------------------------------------------------------------------ the facts

    private void recordTheTour() {
        send("/customers", """
                {"customerId": "{c}", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05",
                 "creditFile": {"registeredCapital": {"amount": "5000000", "currency": "CNY"}, "responsibleForPayment": "Zhang Min, CFO"}}""");
        send("/customers/{c}/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-1-stamped.pdf"}],
                 "paymentTerms": [{"termId": "ADV", "percent": 30, "trigger": "ADVANCE", "days": 0},
                                  {"termId": "ACC", "percent": 60, "trigger": "ON_ACCEPTANCE", "days": 30},
                                  {"termId": "WAR", "percent": 10, "trigger": "AFTER_WARRANTY", "days": 365}],
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true},
                 "disputeClause": {"forum": "LITIGATION", "body": "Shanghai Pudong People's Court"}}""");
        send("/customers/{c}/deliveries", """
                {"deliveryId": "D1", "occurredOn": "2026-05-20", "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                 "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-05-20", "documentRef": "DN-D1.pdf"}}}""");
        send("/customers/{c}/deliveries", """
                {"deliveryId": "D2", "occurredOn": "2026-05-21", "details": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                 "missingReceiptReason": "driver did not bring it back"}}""");
        send("/customers/{c}/deliveries/D2/corrections", """
                {"occurredOn": "2026-06-03", "reason": "signed receipt found",
                 "corrected": {"kind": "GOODS", "contractId": "K-1", "description": "10 t cement",
                               "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-05-21", "documentRef": "DN-D2.pdf"}}}""");
        send("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "contractId": "K-1", "occurredOn": "2026-06-01", "amount": {"amount": "10000.00", "currency": "CNY"},
                 "deliveryIds": ["D1", "D2"]}""");
        send("/customers/{c}/invoices/INV-1/credit-notes", """
                {"creditNoteId": "CN-1", "occurredOn": "2026-06-05", "amount": {"amount": "500.00", "currency": "CNY"}, "reason": "1 t returned damaged"}""");
        send("/customers/{c}/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-07-15", "amount": {"amount": "4000.00", "currency": "CNY"}, "method": "BANK_TRANSFER"}""");
        send("/customers/{c}/payments", """
                {"paymentId": "P-2", "occurredOn": "2026-08-01", "amount": {"amount": "7000.00", "currency": "CNY"}, "method": "POSTDATED_CHEQUE"}""");
        send("/customers/{c}/payments/P-2/reversal", """
                {"occurredOn": "2026-08-10", "reason": "cheque returned unpaid"}""");
        // K-1's late fees come first, at the legal cap (15.4 % a year, below its 0.05 % a day): P-1 paid ADV's 54.43 and ACC's
        // 32.91 (through 07-14), so 87.34 less principal; P-3 pays ACC's 36.49 (07-15..07-31, fixed by P-2, open again since its
        // reversal) and 21.46 (08-10..08-19; none on the days P-2 had paid it). 6,000.00 + 145.29 leaves the tour's 500.00 of credit.
        send("/customers/{c}/payments", """
                {"paymentId": "P-3", "occurredOn": "2026-08-20", "amount": {"amount": "6145.29", "currency": "CNY"}, "method": "BANK_TRANSFER"}""");
        send("/customers/{c}/invoices", """
                {"invoiceId": "INV-2", "occurredOn": "2026-09-01", "amount": {"amount": "800.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "800.00", "currency": "CNY"}, "dueDate": "2026-10-01"}]}""");
        send("/customers/{c}/unapplied-credit/applications", """
                {"applicationId": "A-1", "occurredOn": "2026-09-02", "amount": {"amount": "300.00", "currency": "CNY"}}""");
        send("/customers/{c}/unapplied-credit/refunds", """
                {"refundId": "R-1", "occurredOn": "2026-09-03", "amount": {"amount": "100.00", "currency": "CNY"}, "reference": "transfer 2026-09-03"}""");
    }

    private void recordTheCollectionWork() {
        send("/customers/{c}/collector-assignments", """
                {"occurredOn": "2026-09-05", "collector": "collector-li", "tier": "B"}""");
        send("/customers/{c}/credit-limits", """
                {"occurredOn": "2026-09-05", "limit": {"amount": "50000.00", "currency": "CNY"}, "reason": "annual review"}""");
        send("/customers/{c}/invoices", """
                {"invoiceId": "INV-3", "occurredOn": "2026-09-10", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "1000.00", "currency": "CNY"}, "dueDate": "2026-12-20"}]}""");
        send("/customers/{c}/invoices", """
                {"invoiceId": "INV-4", "occurredOn": "2026-09-10", "amount": {"amount": "800.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "800.00", "currency": "CNY"}, "dueDate": "2026-12-31"}]}""");
        send("/customers/{c}/payment-promises", """
                {"promiseId": "PR-1", "occurredOn": "2026-10-10", "amount": {"amount": "200.00", "currency": "CNY"}, "promisedDate": "2026-12-01",
                 "form": "WRITTEN", "collector": "collector-li", "invoiceIds": ["INV-2"], "documentRef": "commitment-PR-1.pdf"}""");
        send("/customers/{c}/disputes", """
                {"disputeId": "DS-1", "occurredOn": "2026-10-12", "invoiceId": "INV-2", "amount": {"amount": "100.00", "currency": "CNY"},
                 "reason": "QUALITY", "description": "cracked bags"}""");
        send("/customers/{c}/invoices/INV-2/classifications", """
                {"occurredOn": "2026-10-15", "receivableClass": "OVERDUE", "reason": "past due"}""");
        send("/customers/{c}/disputes/DS-1/resolution", """
                {"occurredOn": "2026-10-20", "resolution": "REJECTED", "description": "photos show the bags intact"}""");
        send("/customers/{c}/dunning-letters", """
                {"letterId": "L-1", "occurredOn": "2026-10-25", "level": 1, "invoiceIds": ["INV-2"],
                 "amountDemanded": {"amount": "500.00", "currency": "CNY"}, "lateFeesDemanded": {"amount": "0.00", "currency": "CNY"},
                 "deadline": "2026-11-05", "rightsReserved": true, "courier": "EMS", "waybill": "EA1", "documentRef": "L-1.pdf"}""");
        send("/customers/{c}/dunning-letters/L-1/delivery", """
                {"occurredOn": "2026-10-27", "receivedBy": "reception", "proofRef": "EMS-EA1.pdf"}""");
        send("/customers/{c}/early-warnings", """
                {"warningId": "W-1", "occurredOn": "2026-10-28", "signal": "REPEATED_EXTENSION_REQUESTS", "note": "third extension asked"}""");
        send("/customers/{c}/responsible-person-changes", """
                {"changeId": "RP-1", "occurredOn": "2026-11-01", "responsibility": "RESPONSIBLE_FOR_PAYMENT", "person": "Li Hua, new CFO",
                 "source": "business registration extract"}""");
        send("/customers/{c}/supply-suspensions", """
                {"occurredOn": "2026-10-28", "reason": "letter unanswered"}""");
        send("/customers/{c}/guarantees", """
                {"guaranteeId": "G-1", "occurredOn": "2026-10-30", "kind": "PERSONAL_GUARANTEE", "guarantor": "Zhang Wei, actual controller",
                 "amountCovered": {"amount": "5000.00", "currency": "CNY"}, "documentRef": "guarantee-G-1.pdf"}""");
        send("/customers/{c}/asset-leads", """
                {"leadId": "AL-1", "occurredOn": "2026-10-30", "kind": "BANK_ACCOUNT", "description": "basic account at ICBC Pudong",
                 "source": "remittance of P-3"}""");
        send("/customers/{c}/invoices/INV-3/write-offs", """
                {"writeOffId": "W-1", "occurredOn": "2026-11-02", "amount": {"amount": "1000.00", "currency": "CNY"}, "reason": "goods lost, settled"}""");
        send("/customers/{c}/invoices/INV-3/recoveries", """
                {"recoveryId": "RC-1", "occurredOn": "2026-11-05", "amount": {"amount": "200.00", "currency": "CNY"}, "reference": "insurer"}""");
        send("/customers/{c}/payment-plans", """
                {"planId": "PL-1", "occurredOn": "2026-11-08", "invoiceIds": ["INV-4"], "coversInvoicesInLitigation": false, "documentRef": "plan.pdf",
                 "installments": [{"installmentId": "I1", "principal": {"amount": "400.00", "currency": "CNY"},
                                   "interest": {"amount": "4.00", "currency": "CNY"}, "dueDate": "2026-12-15"},
                                  {"installmentId": "I2", "principal": {"amount": "400.00", "currency": "CNY"},
                                   "interest": {"amount": "4.00", "currency": "CNY"}, "dueDate": "2027-01-15"}]}""");
        send("/customers/{c}/legal-cases", """
                {"caseId": "LC-1", "occurredOn": "2026-11-10", "forum": "LITIGATION", "body": "Shanghai Pudong People's Court",
                 "invoiceIds": ["INV-2"], "claimAmount": {"amount": "500.00", "currency": "CNY"}, "preservationRequested": true,
                 "documentRef": "complaint.pdf"}""");
        send("/customers/{c}/legal-cases/LC-1/steps", """
                {"stepId": "S-1", "occurredOn": "2026-11-12", "step": "PRESERVATION_ORDERED", "description": "account frozen",
                 "documentRef": "order.pdf"}""");
    }

    private void registered(String customerId, String name) {
        send("/customers", """
                {"customerId": "%s", "name": "%s", "occurredOn": "2026-01-05"}""".formatted(customerId, name));
    }

    private void invoice(String customerId, String invoiceId, String amount) {
        send("/customers/" + customerId + "/invoices", """
                {"invoiceId": "%s", "occurredOn": "2026-10-01", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%2$s", "currency": "CNY"}, "dueDate": "2026-12-01"}]}"""
                .formatted(invoiceId, amount));
    }

    /** A command that must be taken; its position is what the reads wait for. */
    private void send(String path, String json) {
        ResponseEntity<JsonNode> answer = command(path, json);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s: %s", path, json, answer.getBody()).isTrue();
        position = answer.getHeaders().getFirst(Headers.POSITION);
    }

    // ------------------------------------------------------------------ the reads

    private JsonNode read(String path) {
        ResponseEntity<JsonNode> answer = get(path, afterMyWrites());
        assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Consumer<HttpHeaders> afterMyWrites() {
        return headers -> {
            if (position != null) {
                headers.set(Headers.MIN_POSITION, position);
            }
        };
    }

    private Consumer<HttpHeaders> csv() {
        return afterMyWrites().andThen(headers -> headers.setAccept(List.of(MediaType.parseMediaType("text/csv"))));
    }

    private void assertProblem(String path, String type) {
        ResponseEntity<JsonNode> answer = get(path, afterMyWrites());
        assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("type").asText()).as(path).isEqualTo("urn:collections-ledger:problem:" + type);
    }

    private List<String> allPages(String path) {
        List<String> customers = new ArrayList<>();
        JsonNode page = read(path);
        customers.addAll(ids(page.get("customers")));
        while (page.hasNonNull("nextAfter")) {
            page = read(path + "&after=" + page.get("nextAfter").asText());
            customers.addAll(ids(page.get("customers")));
        }
        return customers;
    }

    private static List<String> ids(JsonNode customers) {
        List<String> ids = new ArrayList<>();
        customers.forEach(line -> ids.add(line.get("customerId").asText()));
        return ids;
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.get("records").forEach(record -> ids.add(record.get(field).asText()));
        return ids;
    }
}
