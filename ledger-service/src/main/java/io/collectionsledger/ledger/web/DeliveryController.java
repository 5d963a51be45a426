package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.delivery.CorrectDelivery;
import io.collectionsledger.contracts.delivery.RecordDelivery;
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

/** Proof that we did our part: deliveries and performed services, and their corrections. */
@RestController
@Tag(name = "Delivery")
class DeliveryController {

    private final CommandEndpoint commands;

    DeliveryController(CommandEndpoint commands) {
        this.commands = commands;
    }

    @PostMapping("/customers/{customerId}/deliveries")
    @Operation(summary = "Record a delivery or performed service with its signed receipt, or the lack of one", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RecordDelivery.class))))
    ResponseEntity<CommandAccepted> recordDelivery(@PathVariable String customerId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(RecordDelivery.class, body, Map.of("customerId", customerId), request);
    }

    @PostMapping("/customers/{customerId}/deliveries/{deliveryId}/corrections")
    @Operation(summary = "Correct a delivery; the original stays beside the correction", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = CorrectDelivery.class))))
    ResponseEntity<CommandAccepted> correctDelivery(@PathVariable String customerId, @PathVariable String deliveryId, @RequestBody ObjectNode body, HttpServletRequest request) {
        return commands.accept(CorrectDelivery.class, body, Map.of("customerId", customerId, "deliveryId", deliveryId), request);
    }
}
