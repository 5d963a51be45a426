package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.testing.FreshDatabase;
import io.collectionsledger.verifier.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by an earlier build of the service (the README's tour and the demo customer,
 * see {@code src/test/fixtures/make-fixture.sh}) still serves the same answers: restored as that
 * build left it, the service migrates it, rebuilds every read model from its journal, answers every
 * report as that build did, and the auditor's verifier finds the chain intact.
 */
class FixtureDatabaseIT {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path REPORTS = Path.of("src/test/fixtures/reports.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aDatabaseWrittenByMain761bf8aAnswersAsItDidAfterEveryReadModelIsRebuilt() throws Exception {
        Path fixture = FIXTURES.resolve("main-761bf8a");
        String database = restore(fixture.resolve("database.sql.gz"));
        Instant then = Instant.parse(Files.readString(fixture.resolve("clock")).strip());
        String knownAtMid = Files.readString(fixture.resolve("known-at-mid")).strip();
        service = RunningService.start(database, new MovableClock(then));

        service.rebuildEveryReadModel();
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        List<String> reports = Files.readAllLines(REPORTS).stream().filter(line -> !line.isBlank()).toList();
        assertThat(reports).hasSizeGreaterThan(30);
        for (String report : reports) {
            String[] fields = report.split(" ", 3);
            String file = fields[0];
            String accept = fields[1];
            String path = fields[2].replace("{MID}", knownAtMid).replace("{CLOCK}", then.toString());
            String expected = Files.readString(fixture.resolve("answers").resolve(file), StandardCharsets.UTF_8);
            String actual = service.http().get().uri(path).header(HttpHeaders.ACCEPT, accept)
                    .exchange((request, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            if (accept.equals("application/json")) {
                assertThat(JSON.readTree(actual)).as("%s (%s)", path, file).isEqualTo(JSON.readTree(expected));
            } else {
                assertThat(actual).as("%s (%s)", path, file).isEqualTo(expected);
            }
        }

        JsonNode digest = JSON.readTree(fixture.resolve("answers/digest.json").toFile());
        assertThat(AuditVerifier.verifyStore(database, FreshDatabase.user(),
                List.of(ChainDigest.parse(digest.get("digest").asText()))).intact()).isTrue();
    }

    /** A database of the test's own holding the fixture's dump, schema and Flyway history included. */
    private static String restore(Path dump) throws IOException, SQLException {
        String database = FreshDatabase.another();
        String sql;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database, FreshDatabase.user(), FreshDatabase.password())) {
            connection.createStatement().execute(sql);
        }
        return database;
    }
}
