package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.ledger.journal.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed AsyncAPI document is the one the event records generate. */
class AsyncApiDocumentTest {

    static final Path COMMITTED = Path.of("../docs/asyncapi.json");

    static PublicationProperties defaults() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("ledger.events", PublicationProperties.class);
    }

    @Test
    void theCommittedDocumentIsTheOneTheEventRecordsGenerate() throws IOException {
        String generated = AsyncApiDocument.json(new EventTypes(), defaults());
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated);
        }

        assertThat(Files.readString(COMMITTED))
                .as("docs/asyncapi.json differs from what the event records generate: review the change, then write it anew with "
                        + "mvn -q -T1 -pl ledger-service -am test -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dasyncapi.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyEventHasAMessageWithItsHeadersAndASchemaWhoseAmountsAreStrings() throws IOException {
        JsonNode document = new ObjectMapper().readTree(AsyncApiDocument.json(new EventTypes(), defaults()));
        EventTypes types = new EventTypes();

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> messages = new ArrayList<>();
        document.path("channels").path("events").path("messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).containsExactlyElementsOf(types.publishedNames());
        for (String type : types.publishedNames()) {
            JsonNode message = document.path("components").path("messages").path(type);
            String schema = message.path("payload").path("$ref").asText().replace("#/components/schemas/", "");
            assertThat(document.path("components").path("schemas").has(schema)).as(type).isTrue();
            assertThat(message.path("headers").path("allOf").get(1).path("properties").path("type").path("const").asText()).isEqualTo(type);
        }
        JsonNode money = document.path("components").path("schemas").path("Money").path("properties").path("amount");
        assertThat(money.path("type").asText()).isEqualTo("string");
        assertThat(document.path("channels").path("events").path("bindings").path("amqp").path("exchange").path("type").asText()).isEqualTo("topic");
        assertThat(document.toString()).doesNotContain("\"type\":\"number\"");
    }
}
