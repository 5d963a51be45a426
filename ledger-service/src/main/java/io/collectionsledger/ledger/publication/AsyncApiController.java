package io.collectionsledger.ledger.publication;

import io.collectionsledger.ledger.journal.EventTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published language, for anyone, like the OpenAPI document: generated once, as committed in docs/asyncapi.json. */
@RestController
@Tag(name = "Publication")
class AsyncApiController {

    private final String document;

    AsyncApiController(EventTypes eventTypes, PublicationProperties properties) {
        this.document = AsyncApiDocument.json(eventTypes, properties);
    }

    @GetMapping(value = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The AsyncAPI 3 document of the events and digests the ledger publishes to RabbitMQ")
    String asyncApi() {
        return document;
    }
}
