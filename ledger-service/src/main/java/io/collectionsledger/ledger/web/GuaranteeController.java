package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.security.RecordAssetLead;
import io.collectionsledger.contracts.security.RecordGuarantee;
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

/** Guarantees, collateral and asset leads. */
@RestController
@Tag(name = "Guarantee")
class GuaranteeController {

    private final CommandEndpoint commands;

    GuaranteeController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/guarantees")
    @Operation(summary = "Record a guarantee or collateral", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordGuarantee.class))))
    ResponseEntity<CommandAccepted> recordGuarantee(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordGuarantee.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/asset-leads")
    @Operation(summary = "Record an asset lead", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordAssetLead.class))))
    ResponseEntity<CommandAccepted> recordAssetLead(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordAssetLead.class, body, Map.of("customerId", customerId), request);
    }
}
