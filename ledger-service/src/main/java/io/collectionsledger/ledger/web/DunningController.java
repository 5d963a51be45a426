package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.dunning.ConfirmDunningLetterDelivery;
import io.collectionsledger.contracts.dunning.SendDunningLetter;
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

/** Dunning letters and the proof of their delivery. */
@RestController
@Tag(name = "Dunning")
class DunningController {

    private final CommandEndpoint commands;

    DunningController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/dunning-letters")
    @Operation(summary = "Send a dunning letter; never for a disputed amount", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = SendDunningLetter.class))))
    ResponseEntity<CommandAccepted> sendDunningLetter(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(SendDunningLetter.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/dunning-letters/{letterId}/delivery")
    @Operation(summary = "Confirm a dunning letter's delivery with the courier's proof", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = ConfirmDunningLetterDelivery.class))))
    ResponseEntity<CommandAccepted> confirmDelivery(@PathVariable String customerId, @PathVariable String letterId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(ConfirmDunningLetterDelivery.class, body, Map.of("customerId", customerId, "letterId", letterId), request);
    }
}
