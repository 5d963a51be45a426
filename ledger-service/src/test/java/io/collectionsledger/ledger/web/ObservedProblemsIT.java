package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.ledger.account.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems the committed OpenAPI document lists are the ones the tests saw the service answer with:
 * the integration tests over HTTP ({@code ObservedProblems}), and the fixture tests of the account, whose
 * refusals of a command are its operation's answers ({@code account.ObservedRefusals}). Every problem seen
 * is documented for the operation that answered it: a problem type under its status. After a run of every
 * test, the other way round too: every problem the table lists ({@code openapi/problems.tsv}, whence the
 * document is made) was seen, and each of Tomcat's refusals that the document lists on every operation
 * ({@link ApiContract#BEFORE_ANY_OPERATION}), and a read model's delay listed on every report that waits for
 * one ({@link ApiContract#WAITING_FOR_A_POSITION}), was seen on some. Runs after the other integration tests (an
 * execution of its own, see the pom); a run of some tests ({@code -Dtest=...} or {@code -Dit.test=...}) is
 * checked one way only. A request no operation of the document takes (an unknown path, a method the path
 * does not take) is not an operation's answer, and an import's item refused is told inside its answer.
 * With {@code -Dopenapi.write=true} it writes the table instead of failing: after a run of every test, as
 * what they saw; after some, with what they saw added.
 */
class ObservedProblemsIT {

    private static final Path OBSERVED = Path.of("target/observed-problems");
    private static final Path REFUSALS = Path.of("target/observed-refusals");
    private static final Path TABLE = Path.of("src/main/resources/openapi/problems.tsv");
    private static final String PREFIX = "urn:collections-ledger:problem:";

    @Test
    void theDocumentedProblemsAreTheOnesTheTestsSaw() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(OpenApiDocumentIT.COMMITTED.toFile()).get("paths");
        boolean everyTestRan = System.getProperty("it.test") == null && System.getProperty("test") == null;
        List<String> observed = lines(OBSERVED);
        Set<String> seen = new TreeSet<>();
        for (String line : observed) {
            String[] cells = line.split("\t");
            Optional<String> template = template(paths, cells[0], cells[1]);
            if (template.isPresent() && !cells[3].equals(ApiContract.BEFORE_ANY_OPERATION.get(cells[2]))) {
                seen.add(cells[0] + "\t" + template.get() + "\t" + cells[2] + "\t" + cells[3]);
            }
        }
        for (String line : lines(REFUSALS)) {
            String[] cells = line.split("\t");
            Rule rule = Arrays.stream(Rule.values()).filter(candidate -> candidate.code().equals(cells[1])).findFirst().orElseThrow();
            CommandRoutes.ALL.stream().filter(route -> route.command().getSimpleName().equals(cells[0])).findFirst()
                    .ifPresent(route -> seen.add("POST\t" + route.path() + "\t" + CommandProblems.status(rule).value() + "\t" + rule.code()));
        }
        List<String> undocumented = seen.stream().filter(row -> !documented(paths, row.split("\t"))).toList();
        List<String> lines = Files.readAllLines(TABLE);
        List<String> comments = lines.stream().filter(row -> row.startsWith("#")).toList();
        Set<String> listed = lines.stream().filter(row -> !row.startsWith("#") && !row.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        if (Boolean.getBoolean("openapi.write")) {
            Set<String> rows = new TreeSet<>(seen);
            if (!everyTestRan) {
                rows.addAll(listed);
            }
            Files.write(TABLE, Stream.concat(comments.stream(), rows.stream()).toList());
            return;
        }

        assertThat(undocumented)
                .as("problems the service answered with that docs/openapi.json does not document for the operation; "
                        + "if they are right, deploy/local/openapi.sh adds them and writes the document anew")
                .isEmpty();
        if (everyTestRan) {
            assertThat(listed.stream().filter(row -> !seen.contains(row)).toList())
                    .as("problems the table documents that no test saw the operation answer with: provoke each in a test, "
                            + "or let deploy/local/openapi.sh take it out")
                    .isEmpty();
            Stream.of(ApiContract.BEFORE_ANY_OPERATION, ApiContract.WAITING_FOR_A_POSITION).forEach(everywhere -> everywhere.forEach((status, type) ->
                    assertThat(observed).as("%s %s is listed on every operation it can answer: a test must see it on some", status, type)
                            .anyMatch(line -> line.endsWith("\t" + status + "\t" + type))));
        }
    }

    /** Whether the document lists the problem type under the status for the operation: method, path, status, type. */
    private static boolean documented(JsonNode paths, String[] row) {
        JsonNode examples = paths.path(row[1]).path(row[0].toLowerCase()).path("responses").path(row[2])
                .path("content").path("application/problem+json").path("examples");
        for (JsonNode example : examples) {
            if (example.path("value").path("type").asText().equals(PREFIX + row[3])) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
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
