package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.customer.RegisterCustomer;
import io.collectionsledger.contracts.contract.RecordContract;
import io.collectionsledger.contracts.reconciliation.ConfirmReconciliationStatement;
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

/** Opening a customer's account, its contracts and the statements it confirms. */
@RestController
@Tag(name = "Customer")
class CustomerController {

    private final CommandEndpoint commands;

    CustomerController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers")
    @Operation(summary = "Register a customer with its credit file", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RegisterCustomer.class))))
    ResponseEntity<CommandAccepted> register(@RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RegisterCustomer.class, body, Map.of(), request);
    }

    @PostMapping("/customers/{customerId}/contracts")
    @Operation(summary = "Record a contract: validity evidence, payment terms, late fees, dispute clause", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordContract.class))))
    ResponseEntity<CommandAccepted> recordContract(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordContract.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/reconciliation-statements")
    @Operation(summary = "Record a reconciliation statement the customer stamped", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ConfirmReconciliationStatement.class))))
    ResponseEntity<CommandAccepted> confirmReconciliationStatement(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ConfirmReconciliationStatement.class, body, Map.of("customerId", customerId), request);
    }
}
