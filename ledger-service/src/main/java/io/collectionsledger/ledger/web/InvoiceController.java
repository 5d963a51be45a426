package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.receivable.IssueCreditNote;
import io.collectionsledger.contracts.receivable.IssueInvoice;
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

/** Invoices and the credit notes against them. */
@RestController
@Tag(name = "Invoice")
class InvoiceController {

    private final CommandEndpoint commands;

    InvoiceController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/invoices")
    @Operation(summary = "Issue an invoice with its terms (or the contract's staged terms)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = IssueInvoice.class))))
    ResponseEntity<CommandAccepted> issueInvoice(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(IssueInvoice.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/invoices/{invoiceId}/credit-notes")
    @Operation(summary = "Issue a credit note against an invoice", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = IssueCreditNote.class))))
    ResponseEntity<CommandAccepted> issueCreditNote(@PathVariable String customerId, @PathVariable String invoiceId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(IssueCreditNote.class, body, Map.of("customerId", customerId, "invoiceId", invoiceId), request);
    }
}
