package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.litigation.FileLawsuit;
import io.collectionsledger.contracts.litigation.RecordLegalStep;
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

/** Lawsuits and arbitrations, and their steps. */
@RestController
@Tag(name = "Litigation")
class LitigationController {

    private final CommandEndpoint commands;

    LitigationController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/legal-cases")
    @Operation(summary = "File a lawsuit or arbitration; only over something overdue", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = FileLawsuit.class))))
    ResponseEntity<CommandAccepted> fileLawsuit(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(FileLawsuit.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/legal-cases/{caseId}/steps")
    @Operation(summary = "Record a step of a legal case", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordLegalStep.class))))
    ResponseEntity<CommandAccepted> recordLegalStep(@PathVariable String customerId, @PathVariable String caseId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordLegalStep.class, body, Map.of("customerId", customerId, "caseId", caseId), request);
    }
}
