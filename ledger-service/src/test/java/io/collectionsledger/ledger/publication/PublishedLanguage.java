package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Checks a message against the AsyncAPI document: its headers and its body against the schemas of its type. */
final class PublishedLanguage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);

    PublishedLanguage(String document) {
        try {
            this.document = JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the message, nothing if it is as documented. */
    List<String> violations(Captured.Received message) {
        String type = message.properties().getType();
        JsonNode documented = document.path("components").path("messages").path(type);
        if (documented.isMissingNode()) {
            return List.of(type + ": no such message in the document");
        }
        List<String> violations = new ArrayList<>();
        try {
            errors(type + " body", documented.path("payload"), JSON.readTree(message.body()), violations);
        } catch (IOException e) {
            violations.add(type + " body is not JSON: " + e.getMessage());
        }
        errors(type + " headers", documented.path("headers"), JSON.valueToTree(message.headers()), violations);
        return violations;
    }

    private void errors(String what, JsonNode schema, JsonNode instance, List<String> violations) {
        for (Error error : schema(schema).validate(instance)) {
            violations.add(what + ": " + error);
        }
    }

    /** The schema, with the document's components beside it so that its references resolve. */
    private Schema schema(JsonNode fragment) {
        ObjectNode root = JSON.createObjectNode();
        root.set("allOf", JSON.createArrayNode().add(fragment));
        root.set("components", document.path("components"));
        return registry.getSchema(root);
    }
}
