package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.collection.AssignCollector;
import io.collectionsledger.contracts.collection.ClassifyReceivable;
import io.collectionsledger.contracts.collection.FlagEarlyWarning;
import io.collectionsledger.contracts.collection.LogContactAttempt;
import io.collectionsledger.contracts.collection.ResumeSupply;
import io.collectionsledger.contracts.collection.SetCreditLimit;
import io.collectionsledger.contracts.collection.SuspendSupply;
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

/** Who collects, the credit limit, classification, contacts, warnings and supply. */
@RestController
@Tag(name = "Collection")
class CollectionController {

    private final CommandEndpoint commands;

    CollectionController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/collector-assignments")
    @Operation(summary = "Assign the customer to a collector and a reminder tier (A/B/C)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = AssignCollector.class))))
    ResponseEntity<CommandAccepted> assignCollector(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(AssignCollector.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/credit-limits")
    @Operation(summary = "Set or change the credit limit", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = SetCreditLimit.class))))
    ResponseEntity<CommandAccepted> setCreditLimit(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(SetCreditLimit.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/invoices/{invoiceId}/classifications")
    @Operation(summary = "Classify a receivable: current, overdue, doubtful, bad, dormant", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ClassifyReceivable.class))))
    ResponseEntity<CommandAccepted> classify(@PathVariable String customerId, @PathVariable String invoiceId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ClassifyReceivable.class, body, Map.of("customerId", customerId, "invoiceId", invoiceId), request);
    }

    @PostMapping("/customers/{customerId}/contact-attempts")
    @Operation(summary = "Log a contact attempt with its channel, outcome and excuse", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = LogContactAttempt.class))))
    ResponseEntity<CommandAccepted> logContactAttempt(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(LogContactAttempt.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/early-warnings")
    @Operation(summary = "Flag an early-warning signal", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = FlagEarlyWarning.class))))
    ResponseEntity<CommandAccepted> flagEarlyWarning(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(FlagEarlyWarning.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/supply-suspensions")
    @Operation(summary = "Suspend supply to the customer", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = SuspendSupply.class))))
    ResponseEntity<CommandAccepted> suspendSupply(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(SuspendSupply.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/supply-resumptions")
    @Operation(summary = "Resume supply to the customer", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ResumeSupply.class))))
    ResponseEntity<CommandAccepted> resumeSupply(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ResumeSupply.class, body, Map.of("customerId", customerId), request);
    }
}
