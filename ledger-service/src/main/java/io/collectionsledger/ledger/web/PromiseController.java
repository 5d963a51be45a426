package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.promise.AgreePaymentPlan;
import io.collectionsledger.contracts.promise.RecordPaymentPromise;
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

/** Promises to pay and payment plans. */
@RestController
@Tag(name = "Promise")
class PromiseController {

    private final CommandEndpoint commands;

    PromiseController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/payment-promises")
    @Operation(summary = "Record a promise to pay; never more than is open", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordPaymentPromise.class))))
    ResponseEntity<CommandAccepted> recordPaymentPromise(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordPaymentPromise.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/payment-plans")
    @Operation(summary = "Agree a payment plan whose installments replace the covered invoices' due dates", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = AgreePaymentPlan.class))))
    ResponseEntity<CommandAccepted> agreePaymentPlan(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(AgreePaymentPlan.class, body, Map.of("customerId", customerId), request);
    }
}
