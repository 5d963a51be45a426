package io.collectionsledger.ledger.journal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One class owns the SQL on Axon's tables: nothing else in the main code of any module names
 * them or the view over the journal, so a change to Axon's schema is made in one place.
 * Migrations make the tables and tests may look at them as they like; both are outside this rule.
 */
class JournalOwnershipTest {

    private static final Pattern AXON_TABLES = Pattern.compile("\\b(domain_event_entry|snapshot_event_entry|token_entry|event_journal)\\b");

    private static final Set<String> OWNERS = Set.of(
            // the service's one owner
            "ledger-service/src/main/java/io/collectionsledger/ledger/journal/Journal.java",
            // The auditor's standalone verifier reads the raw table itself: it must trust nothing the
            // service's operators could redefine (a view, a function, this service's code), so it keeps
            // its own single reader of the table within its module.
            "audit-verifier/src/main/java/io/collectionsledger/verifier/JdbcJournal.java");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void onlyTheJournalNamesAxonsTablesInMainCodeAndTheVerifierKeepsItsOwnReader() throws IOException {
        List<String> naming;
        try (Stream<Path> modules = Files.list(ROOT)) {
            naming = modules.map(module -> module.resolve("src/main")).filter(Files::isDirectory)
                    .flatMap(JournalOwnershipTest::files)
                    .filter(file -> !file.toString().contains("/db/migration/"))
                    .filter(JournalOwnershipTest::namesAxonsTables)
                    .map(file -> ROOT.relativize(file).toString())
                    .sorted().toList();
        }

        assertThat(naming).as("main sources naming Axon's tables").containsExactlyInAnyOrderElementsOf(OWNERS);
    }

    private static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean namesAxonsTables(Path file) {
        try {
            return AXON_TABLES.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            // binary resources are not code
            return false;
        }
    }
}
