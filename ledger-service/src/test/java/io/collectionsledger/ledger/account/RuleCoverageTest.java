package io.collectionsledger.ledger.account;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule the account can refuse a command by is named by a test that sends a command and
 * expects the refusal by that rule ({@code .expectException(refusedBy(...))} in a fixture test),
 * so a new rule without a test fails the build here.
 */
class RuleCoverageTest {

    private static final Pattern REFUSAL = Pattern.compile("expectException\\(refusedBy\\(Rule\\.([A-Z_]+)\\)\\)");
    private static final Path TESTS = Path.of("src/test/java/io/collectionsledger/ledger/account");
    /**
     * A second registration is found by the event store's unique key, which Axon's fixture does not
     * imitate (it reports a sequence clash of its own); this test sends one over HTTP to PostgreSQL
     * and expects the rule's problem type.
     */
    private static final Path EVENT_STORE_REFUSALS = Path.of("src/test/java/io/collectionsledger/ledger/CommandConventionsIT.java");

    @Test
    void everyRuleIsNamedByATestOfARefusal() throws IOException {
        Set<Rule> named = rulesNamedIn(TESTS);
        if (Files.readString(EVENT_STORE_REFUSALS).contains("HttpStatus.CONFLICT, \"" + Rule.CUSTOMER_ALREADY_REGISTERED.code() + "\"")) {
            named.add(Rule.CUSTOMER_ALREADY_REGISTERED);
        }

        assertThat(EnumSet.complementOf(EnumSet.copyOf(named)))
                .as("rules no test expects a command to be refused by")
                .isEmpty();
    }

    @Test
    void aRuleIsCountedOnlyWhereARefusalIsExpected(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("SomeTest.java"), String.join("\n",
                ".expectException(refusedBy(Rule.CASE_CLOSED))",
                "// Rule.UNKNOWN_CASE mentioned but never expected",
                ".expectException(RuleViolation.class)"));

        assertThat(rulesNamedIn(dir)).containsExactly(Rule.CASE_CLOSED);
    }

    private static Set<Rule> rulesNamedIn(Path dir) throws IOException {
        Set<Rule> named = EnumSet.noneOf(Rule.class);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(f -> f.toString().endsWith("Test.java")).toList();
        }
        for (Path source : sources) {
            Matcher refusal = REFUSAL.matcher(Files.readString(source));
            while (refusal.find()) {
                named.add(Rule.valueOf(refusal.group(1)));
            }
        }
        return named;
    }
}
