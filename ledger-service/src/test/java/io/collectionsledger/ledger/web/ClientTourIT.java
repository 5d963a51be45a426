package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.client.ApiClient;
import io.collectionsledger.client.ApiException;
import io.collectionsledger.client.ApiResponse;
import io.collectionsledger.client.api.AgingApi;
import io.collectionsledger.client.api.DeliveryApi;
import io.collectionsledger.client.api.InvoiceApi;
import io.collectionsledger.client.api.PaymentApi;
import io.collectionsledger.client.api.RecordsApi;
import io.collectionsledger.client.api.StatementApi;
import io.collectionsledger.client.model.CommandAccepted;
import io.collectionsledger.client.model.CustomerStatement;
import io.collectionsledger.client.model.DeliveryDetails;
import io.collectionsledger.client.model.InvoiceTerm;
import io.collectionsledger.client.model.IssueInvoice;
import io.collectionsledger.client.model.Money;
import io.collectionsledger.client.model.Problem;
import io.collectionsledger.client.model.RecordDelivery;
import io.collectionsledger.client.model.RecordPayment;
import io.collectionsledger.client.model.SignedReceipt;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.Tokens;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The README's tour, and the story the document's examples go on with, through the Java client that
 * ledger-client generates from the committed document, and nothing else: every command's example as
 * the document gives it, a retry, a stale version, a report that waits for a position, a refused
 * command, and CSV exports downloaded as files.
 */
class ClientTourIT extends LedgerIT {

    private static final String CUSTOMER = "CUST-1";
    /** The commands' examples in the order they tell their story; the tour's other commands come between them. */
    private static final List<String> STORY = List.of("registerCustomer", "recordContract", "recordDelivery", "correctDelivery",
            "issueInvoice", "issueCreditNote", "recordPayment", "reversePayment", "applyUnappliedCredit", "refundUnappliedCredit",
            "confirmReconciliationStatement", "assignCollector", "setCreditLimit", "classifyReceivable", "logContactAttempt",
            "recordPaymentPromise", "flagEarlyWarning", "recordResponsiblePersonChange", "recordCorrespondenceAddress", "raiseDispute", "resolveDispute", "sendDunningLetter",
            "confirmDunningLetterDelivery", "recordGuarantee", "recordAssetLead", "suspendSupply", "resumeSupply",
            "fileLawsuit", "recordLegalStep", "agreePaymentPlan", "writeOffReceivable", "recordRecoveryAfterWriteOff");

    private ApiClient client;
    private Map<String, JsonNode> examples;

    @Test
    void theTourThroughTheGeneratedClientAlone() throws Exception {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        String token = Tokens.mint("billing", "service", "collector", "auditor");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        examples = commandExamples();
        assertThat(examples.keySet()).as("every command has an example, and the story sends each").containsExactlyInAnyOrderElementsOf(STORY);
        PaymentApi payments = new PaymentApi(client);

        send("registerCustomer");
        send("recordContract");
        new DeliveryApi(client).recordDelivery(CUSTOMER, "tour-3", new RecordDelivery().deliveryId("D1").occurredOn(LocalDate.parse("2026-05-20"))
                .details(new DeliveryDetails().kind(DeliveryDetails.KindEnum.GOODS).contractId("K-1").description("10 t cement")
                        .signedReceipt(new SignedReceipt().signedBy("Wang Wei").signedOn(LocalDate.parse("2026-05-20")).documentRef("DN-D1.pdf"))),
                null, null);
        send("recordDelivery");
        send("correctDelivery");
        send("issueInvoice");
        send("issueCreditNote");
        payments.recordPayment(CUSTOMER, "tour-8", new RecordPayment().paymentId("P-1").occurredOn(LocalDate.parse("2026-07-15"))
                .amount(cny("4000.00")).method(RecordPayment.MethodEnum.BANK_TRANSFER), null, null);
        ApiResponse<CommandAccepted> cheque = send("recordPayment");

        // the same command again: the same answer, said to be a replay, nothing recorded
        ApiResponse<CommandAccepted> again = payments.recordPaymentWithHttpInfo(CUSTOMER, "example-recordPayment",
                client.getObjectMapper().convertValue(examples.get("recordPayment"), RecordPayment.class), null, null);
        assertThat(again.getData()).isEqualTo(cheque.getData());
        assertThat(again.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(cheque.getHeaders()).doesNotContainKey("Idempotent-Replayed");

        send("reversePayment");
        // 145.29 more than what was left of INV-1 and 500.00: the late fees P-1 (87.34) and P-3 (57.95) pay before principal
        payments.recordPayment(CUSTOMER, "tour-11", new RecordPayment().paymentId("P-3").occurredOn(LocalDate.parse("2026-08-20"))
                .amount(cny("6145.29")).method(RecordPayment.MethodEnum.BANK_TRANSFER), null, null);
        new InvoiceApi(client).issueInvoice(CUSTOMER, "tour-12", new IssueInvoice().invoiceId("INV-2").occurredOn(LocalDate.parse("2026-09-01"))
                .amount(cny("800.00")).addTermsItem(new InvoiceTerm().termId("T1").amount(cny("800.00")).dueDate(LocalDate.parse("2026-10-01"))),
                null, null);
        send("applyUnappliedCredit");
        send("refundUnappliedCredit");
        ApiResponse<CommandAccepted> stamped = send("confirmReconciliationStatement");

        // the statement of open items, once it includes the last command
        CustomerStatement statement = new StatementApi(client).statementOfAccount(CUSTOMER, null, null, null,
                stamped.getData().getPosition(), null, null);
        assertThat(statement.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getInvoiceId()).isEqualTo("INV-2");
            assertThat(item.getOpen()).isEqualTo(cny("500.00"));
        });
        assertThat(statement.getUnappliedCredit()).containsExactly(cny("100.00"));

        // what goes wrong, and how it is said: an amount with more decimals than the currency has; a version gone by
        ApiException refused = catchThrowableOfType(ApiException.class, () -> payments.recordPayment(CUSTOMER, "tour-16",
                new RecordPayment().paymentId("P-9").occurredOn(LocalDate.parse("2026-08-20")).amount(cny("1.001"))
                        .method(RecordPayment.MethodEnum.BANK_TRANSFER), null, null));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(problem(refused).getType()).isEqualTo(URI.create("urn:collections-ledger:problem:invalid-command"));
        ApiException stale = catchThrowableOfType(ApiException.class, () -> payments.recordPayment(CUSTOMER, "tour-17",
                new RecordPayment().paymentId("P-9").occurredOn(LocalDate.parse("2026-08-20")).amount(cny("1.00"))
                        .method(RecordPayment.MethodEnum.CASH), "\"3\"", null));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(problem(stale).getType()).isEqualTo(URI.create("urn:collections-ledger:problem:stale-version"));
        assertThat(problem(stale).getCurrentVersion()).isEqualTo(stamped.getData().getVersion());

        // the story goes on from the tour: a collector, a promise, a dispute, a letter, a lawsuit and a plan over INV-2,
        // and a write-off of another invoice
        new InvoiceApi(client).issueInvoice(CUSTOMER, "story-1", new IssueInvoice().invoiceId("INV-3").occurredOn(LocalDate.parse("2026-09-10"))
                .amount(cny("1000.00")).addTermsItem(new InvoiceTerm().termId("T1").amount(cny("1000.00")).dueDate(LocalDate.parse("2026-10-10"))),
                null, null);
        for (String operation : STORY.subList(STORY.indexOf("assignCollector"), STORY.size())) {
            send(operation);
        }

        // the aging report as a CSV file, and the customer's payments: each saved where the client saves what it downloads
        ApiResponse<File> aging = new AgingApi(client).agingCsvWithHttpInfo(CUSTOMER, null, null, null, null, null, null);
        assertThat(aging.getHeaders().get("Content-Type")).singleElement().satisfies(type -> assertThat(type).startsWith("text/csv"));
        assertThat(Files.readString(aging.getData().toPath(), StandardCharsets.UTF_8)).startsWith("\uFEFF").contains(CUSTOMER, "CNY");
        File paymentList = new RecordsApi(client).paymentsCsv(CUSTOMER, null, null, null, null, null);
        assertThat(Files.readAllLines(paymentList.toPath(), StandardCharsets.UTF_8)).anySatisfy(line -> assertThat(line).contains("P-1", "4000.00"));
    }

    /** Sends a command's example from the document through its typed method, with the path's ids the example holds. */
    private ApiResponse<CommandAccepted> send(String operationId) throws Exception {
        JsonNode example = examples.get(operationId);
        for (Class<?> api : API_CLASSES) {
            for (Method method : api.getMethods()) {
                if (method.getName().equals(operationId + "WithHttpInfo") && !Arrays.asList(method.getParameterTypes()).contains(Map.class)) {
                    Object[] arguments = Arrays.stream(method.getParameters()).map(parameter -> argument(parameter, operationId, example)).toArray();
                    try {
                        @SuppressWarnings("unchecked")
                        ApiResponse<CommandAccepted> answer = (ApiResponse<CommandAccepted>) method.invoke(
                                api.getConstructor(ApiClient.class).newInstance(client), arguments);
                        assertThat(answer.getStatusCode()).as(operationId).isEqualTo(200);
                        return answer;
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ApiException refused) {
                            throw new AssertionError(operationId + "'s example was refused: " + refused.getResponseBody(), refused);
                        }
                        throw e;
                    }
                }
            }
        }
        throw new AssertionError("the generated client has no method for " + operationId);
    }

    private Object argument(Parameter parameter, String operationId, JsonNode example) {
        return switch (parameter.getName()) {
            case "idempotencyKey" -> "example-" + operationId;
            case "ifMatch", "xCorrelationId" -> null;
            default -> parameter.getType() == String.class
                    ? example.get(parameter.getName()).asText()
                    : client.getObjectMapper().convertValue(example, parameter.getType());
        };
    }

    private static final List<Class<?>> API_CLASSES = apiClasses();

    private static List<Class<?>> apiClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (String tag : List.of("Customer", "Delivery", "Invoice", "Payment", "Collection", "Promise", "Dispute", "Dunning",
                "Guarantee", "Litigation", "WriteOff")) {
            try {
                classes.add(Class.forName("io.collectionsledger.client.api." + tag + "Api"));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    /** Each command operation's example request, by operation id, from the document (the committed one, OpenApiDocumentIT says). */
    private Map<String, JsonNode> commandExamples() {
        JsonNode paths = get("/v3/api-docs", headers -> { }).getBody().get("paths");
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        paths.forEach(item -> {
            JsonNode post = item.path("post");
            JsonNode example = post.at("/requestBody/content/application~1json/example");
            if (!example.isMissingNode() && post.path("parameters").findValuesAsText("name").contains("Idempotency-Key")) {
                examples.put(post.get("operationId").asText(), example);
            }
        });
        return examples;
    }

    private Problem problem(ApiException refused) throws IOException {
        return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }

    private static Money cny(String amount) {
        return new Money().amount(amount).currency("CNY");
    }
}
