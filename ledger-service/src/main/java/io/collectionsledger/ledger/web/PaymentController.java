package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.payment.ApplyUnappliedCredit;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.payment.RefundUnappliedCredit;
import io.collectionsledger.contracts.payment.ReversePayment;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Money received, reversed, and the unapplied credit it leaves. */
@RestController
@Tag(name = "Payment")
class PaymentController {

    private final CommandEndpoint commands;

    PaymentController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/payments")
    @Operation(summary = "Record a payment; allocated as the payer says, else due-first by the legal order", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordPayment.class))))
    ResponseEntity<CommandAccepted> recordPayment(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordPayment.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/payments/{paymentId}/reversal")
    @Operation(summary = "Reverse a payment (a bounced cheque): what it paid is open again", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ReversePayment.class))))
    ResponseEntity<CommandAccepted> reversePayment(@PathVariable String customerId, @PathVariable String paymentId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ReversePayment.class, body, Map.of("customerId", customerId, "paymentId", paymentId), request);
    }

    @PostMapping("/customers/{customerId}/unapplied-credit/applications")
    @Operation(summary = "Apply unapplied credit to open terms", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ApplyUnappliedCredit.class))))
    ResponseEntity<CommandAccepted> applyUnappliedCredit(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ApplyUnappliedCredit.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/unapplied-credit/refunds")
    @Operation(summary = "Refund unapplied credit to the customer", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RefundUnappliedCredit.class))))
    ResponseEntity<CommandAccepted> refundUnappliedCredit(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RefundUnappliedCredit.class, body, Map.of("customerId", customerId), request);
    }
}
