package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.collectionsledger.ledger.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed OpenAPI document, which clients are generated from, is the one the service serves. */
class OpenApiDocumentIT extends LedgerIT {

    static final Path COMMITTED = Path.of("../docs/openapi.json");

    @Test
    void theCommittedDocumentIsTheOneTheServiceServes() throws IOException {
        ResponseEntity<JsonNode> answer = get("/v3/api-docs", headers -> { });
        assertThat(answer.getStatusCode()).as("the served document, %s", answer.getBody()).isEqualTo(HttpStatus.OK);
        String served = pretty(answer.getBody());
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served);
        }

        assertThat(Files.readString(COMMITTED))
                .as("docs/openapi.json differs from what the service serves at /v3/api-docs: review the change, then write it anew with "
                        + "mvn -q -T1 -pl ledger-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dopenapi.write=true")
                .isEqualTo(served);
    }

    /**
     * Schemas of objects none of whose fields is always there, each with the reason; every other object
     * schema names the fields it always has, so that a generated client can rely on them.
     */
    private static final Map<String, String> NOTHING_ALWAYS_THERE = Map.of(
            "CreditFile", "every part of a customer's credit file is optional: what is known of it is recorded (contracts.customer.CreditFile)",
            "Responsible", "who answers for a customer is known only where the credit file or a later change named someone (contracts.lookup.CustomerFile)");

    @Test
    void everyObjectSchemaListsTheFieldsItAlwaysHas() {
        JsonNode schemas = get("/v3/api-docs", headers -> { }).getBody().path("components").path("schemas");
        Set<String> withoutRequired = new TreeSet<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getValue().has("properties") && schema.getValue().path("required").isEmpty()) {
                withoutRequired.add(schema.getKey());
            }
        });

        assertThat(withoutRequired)
                .as("object schemas that list no required field: mark what is always there at its source (a check of "
                        + "Require in a command, @NeverAbsent on a field of an answer), or say here why nothing is")
                .containsExactlyInAnyOrderElementsOf(NOTHING_ALWAYS_THERE.keySet());
    }

    /** Sorted keys and indentation, so that a change shows as the lines it changes. */
    static String pretty(JsonNode document) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Object tree = mapper.treeToValue(document, Object.class);
        return mapper.writeValueAsString(tree) + "\n";
    }
}
