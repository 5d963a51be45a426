package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem the integration tests saw the service answer with is documented for the operation that
 * answered it: a problem type under its status, in the committed OpenAPI document. Runs after the other
 * integration tests (an execution of its own, see the pom), on what {@code ObservedProblems} wrote down.
 * A request no operation of the document takes (an unknown path, a method the path does not take) is
 * not an operation's answer. With {@code -Dopenapi.write=true} it adds what is missing to
 * {@code openapi/problems.tsv}, whence the document is made, instead of failing.
 */
class ObservedProblemsIT {

    private static final Path OBSERVED = Path.of("target/observed-problems");
    private static final Path TABLE = Path.of("src/main/resources/openapi/problems.tsv");
    private static final String PREFIX = "urn:collections-ledger:problem:";

    @Test
    void everyProblemTheTestsSawIsDocumentedForItsOperation() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(OpenApiDocumentIT.COMMITTED.toFile()).get("paths");
        Set<String> undocumented = new TreeSet<>();
        for (String line : observed()) {
            String[] cells = line.split("\t");
            Optional<String> template = template(paths, cells[0], cells[1]);
            if (template.isEmpty()) {
                continue;
            }
            JsonNode examples = paths.get(template.get()).get(cells[0].toLowerCase()).path("responses").path(cells[2])
                    .path("content").path("application/problem+json").path("examples");
            boolean documented = false;
            for (JsonNode example : examples) {
                documented |= example.path("value").path("type").asText().equals(PREFIX + cells[3]);
            }
            if (!documented) {
                undocumented.add(cells[0] + "\t" + template.get() + "\t" + cells[2] + "\t" + cells[3]);
            }
        }
        if (Boolean.getBoolean("openapi.write") && !undocumented.isEmpty()) {
            Files.writeString(TABLE, Files.readString(TABLE) + String.join("\n", undocumented) + "\n");
            List<String> lines = new ArrayList<>(Files.readAllLines(TABLE));
            List<String> comments = lines.stream().filter(row -> row.startsWith("#")).toList();
            List<String> rows = lines.stream().filter(row -> !row.startsWith("#") && !row.isBlank()).distinct().sorted().toList();
            Files.write(TABLE, Stream.concat(comments.stream(), rows.stream()).toList());
            return;
        }

        assertThat(undocumented)
                .as("problems the service answered with that docs/openapi.json does not document for the operation; "
                        + "if they are right, deploy/local/openapi.sh adds them and writes the document anew")
                .isEmpty();
    }

    private static List<String> observed() throws IOException {
        if (!Files.isDirectory(OBSERVED)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(OBSERVED)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(file -> file.toString().endsWith(".tsv")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines.stream().distinct().toList();
        }
    }

    /** The document's path that takes this request: the one with the most literal segments that matches. */
    static Optional<String> template(JsonNode paths, String method, String path) {
        String[] segments = path.split("/", -1);
        List<String> matching = new ArrayList<>();
        paths.fieldNames().forEachRemaining(template -> {
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length || !paths.get(template).has(method.toLowerCase())) {
                return;
            }
            for (int i = 0; i < parts.length; i++) {
                boolean variable = parts[i].startsWith("{");
                if (variable ? segments[i].isEmpty() : !parts[i].equals(segments[i])) {
                    return;
                }
            }
            matching.add(template);
        });
        return matching.stream().max(Comparator.comparingLong(template -> Stream.of(template.split("/")).filter(part -> !part.startsWith("{")).count()));
    }
}
