package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.dispute.RaiseDispute;
import io.collectionsledger.contracts.dispute.ResolveDispute;
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

/** Disputes over part of an invoice. */
@RestController
@Tag(name = "Dispute")
class DisputeController {

    private final CommandEndpoint commands;

    DisputeController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/disputes")
    @Operation(summary = "Raise a dispute over part of an invoice", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RaiseDispute.class))))
    ResponseEntity<CommandAccepted> raiseDispute(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RaiseDispute.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/disputes/{disputeId}/resolution")
    @Operation(summary = "Resolve a dispute", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ResolveDispute.class))))
    ResponseEntity<CommandAccepted> resolveDispute(@PathVariable String customerId, @PathVariable String disputeId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ResolveDispute.class, body, Map.of("customerId", customerId, "disputeId", disputeId), request);
    }
}
