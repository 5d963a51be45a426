package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.writeoff.RecordRecoveryAfterWriteOff;
import io.collectionsledger.contracts.writeoff.WriteOffReceivable;
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

/** Write-offs and what is recovered after them. */
@RestController
@Tag(name = "WriteOff")
class WriteOffController {

    private final CommandEndpoint commands;

    WriteOffController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/invoices/{invoiceId}/write-offs")
    @Operation(summary = "Write a receivable off; never more than is open", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = WriteOffReceivable.class))))
    ResponseEntity<CommandAccepted> writeOff(@PathVariable String customerId, @PathVariable String invoiceId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(WriteOffReceivable.class, body, Map.of("customerId", customerId, "invoiceId", invoiceId), request);
    }

    @PostMapping("/customers/{customerId}/invoices/{invoiceId}/recoveries")
    @Operation(summary = "Record money recovered after a write-off", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordRecoveryAfterWriteOff.class))))
    ResponseEntity<CommandAccepted> recordRecovery(@PathVariable String customerId, @PathVariable String invoiceId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordRecoveryAfterWriteOff.class, body, Map.of("customerId", customerId, "invoiceId", invoiceId), request);
    }
}
