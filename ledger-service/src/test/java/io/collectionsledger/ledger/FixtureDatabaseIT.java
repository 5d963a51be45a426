package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.audit.ChainDigest;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.testing.FreshDatabase;
import io.collectionsledger.verifier.AuditVerifier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by an earlier build of the service (the README's tour and the demo customer,
 * see {@code src/test/fixtures/make-fixture.sh}) still serves the same answers: restored as that
 * build left it, the service migrates it, rebuilds every read model from its journal, answers every
 * report as that build did, and the auditor's verifier finds the chain intact.
 */
class FixtureDatabaseIT {

    private static final Path REPORTS = Path.of("src/test/fixtures/reports.txt");
    /** Numbers read as the decimals they are, so that an amount's number and its text compare digit for digit. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aDatabaseWrittenByMain761bf8aAnswersAsItDidAfterEveryReadModelIsRebuilt() throws Exception {
        Path fixture = FixtureDatabase.MAIN_761BF8A.directory();
        String database = FixtureDatabase.MAIN_761BF8A.restore();
        Instant then = FixtureDatabase.MAIN_761BF8A.clock();
        String knownAtMid = Files.readString(fixture.resolve("known-at-mid")).strip();
        service = RunningService.start(database, new MovableClock(then));

        service.rebuildEveryReadModel();
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        List<String> reports = Files.readAllLines(REPORTS).stream().filter(line -> !line.isBlank()).toList();
        assertThat(reports).hasSizeGreaterThan(30);
        // Every answer is compared before the test fails, so that one run lists every answer that changed.
        SoftAssertions answers = new SoftAssertions();
        for (String report : reports) {
            String[] fields = report.split(" ", 3);
            String file = fields[0];
            String accept = fields[1];
            String path = fields[2].replace("{MID}", knownAtMid).replace("{CLOCK}", then.toString());
            String expected = Files.readString(fixture.resolve("answers").resolve(file), StandardCharsets.UTF_8);
            String actual = service.http().get().uri(path).header(HttpHeaders.ACCEPT, accept)
                    .exchange((request, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            if (accept.equals("application/json")) {
                answers.assertThat(ofThisRun(JSON.readTree(actual))).as("%s (%s)", path, file)
                        .isEqualTo(ofThisRun(changedOnPurpose(file, JSON.readTree(expected))));
            } else if (accept.equals("application/x-ndjson")) {
                answers.assertThat(lines(actual).stream().map(FixtureDatabaseIT::ofThisRun).toList()).as("%s (%s)", path, file)
                        .isEqualTo(lines(expected).stream().map(line -> ofThisRun(changedOnPurpose(file, line))).toList());
            } else {
                answers.assertThat(actual).as("%s (%s)", path, file).isEqualTo(expected);
            }
        }
        answers.assertAll();

        assertThat(AuditVerifier.verifyStore(database, FreshDatabase.user(), List.of(ChainDigest.parse(FIXTURE_DIGEST))).intact()).isTrue();
    }

    /** The head of the chain as the fixture's build left it: 46 events. */
    private static final String FIXTURE_DIGEST = "46:a4eb6e6c99231f088804b230f14f928c547e4180b04d62f710295e8d4d8678e3";
    private static final long FIXTURE_HEAD = 46;

    /**
     * The events this build records on the restored database are new to it: restoring the fixture
     * closes its business day again, and that close takes back the late fees its build recorded above
     * the legal cap (issue 17: DEMO-1's INV-001/ACC accrued 2,025.00 on 45,000.00 for 90 days; the
     * cap on each day's overdue principal, 60,000.00 for 9 days then 45,000.00 for 81, is 1,765.73), and
     * before it the first start records the legal cap the ledger starts with (issue 17: the fees read it
     * from the journal), so the policy's is the 47th event. The same close judges each account on the
     * business dates of its facts, whatever the order they were recorded in (issue 17: history recorded
     * after its days), and records what the fixture's build, which judged only the day it closed, left
     * out: CUST-1's stages and holds of INV-1 (48th to 57th), then DEMO-1's correction (58th: a close fixes
     * fees before it works out stages, issue 17's fee fold), DEMO-1's stages of INV-001/ADV (59th, 60th),
     * then DEMO-1's hold and release for INV-001/ADV (61st, 62nd).
     * Their ids are random, so their ids, the hashes that cover them and the chain's digest differ
     * from run to run; every other field of theirs is compared.
     */
    private static JsonNode ofThisRun(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            if (object.path("globalIndex").asLong() > FIXTURE_HEAD) {
                object.put("eventId", "(this run's)");
                object.put("hash", "(this run's)");
            }
            if (object.has("headHash") && object.path("position").asLong() > FIXTURE_HEAD) {
                object.put("headHash", "(this run's)");
                object.put("digest", "(this run's)");
            }
        }
        answer.forEach(FixtureDatabaseIT::ofThisRun);
        return answer;
    }

    /**
     * The answers this build gives differently from the fixture's, on purpose, each named with the
     * change that made it: the history names an event by its logical type (customer.CustomerRegistered)
     * rather than its class's simple name, and a journal export line carries that logical type beside
     * the stored type the chain hashes (issue 14); every amount of a JSON answer, the history's
     * payloads included, is text rather than a number, with the same digits (issue 15: {"amount":
     * 800.00, "currency": "CNY"} becomes {"amount": "800.00", ...}; the export's stored payload, a
     * string, keeps its bytes).
     */
    private static JsonNode changedOnPurpose(String file, JsonNode answer) {
        amountsAsText(answer);
        if (file.startsWith("history-")) {
            (answer.has("entries") ? answer.get("entries") : List.of(answer)).forEach(entry ->
                    ((ObjectNode) entry).put("type", LOGICAL_TYPES.get(entry.get("type").asText())));
        } else if (file.equals("journal.ndjson")) {
            ((ObjectNode) answer).put("logicalType", StoredEvent.logicalType(answer.get("type").asText()));
        }
        return answer;
    }

    private static void amountsAsText(JsonNode node) {
        if (node instanceof ObjectNode object && object.size() == 2 && object.path("amount").isNumber() && object.path("currency").isTextual()) {
            object.put("amount", object.get("amount").decimalValue().toPlainString());
        }
        node.forEach(FixtureDatabaseIT::amountsAsText);
    }

    private static List<JsonNode> lines(String ndjson) {
        return ndjson.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The logical type names of the events' simple names, as the fixture's journal stored them. */
    private static final Map<String, String> LOGICAL_TYPES = new HashMap<>();

    static {
        try {
            lines(Files.readString(FixtureDatabase.MAIN_761BF8A.directory().resolve("answers/journal.ndjson"))).forEach(line -> {
                String stored = line.get("type").asText();
                LOGICAL_TYPES.put(stored.substring(stored.lastIndexOf('.') + 1), StoredEvent.logicalType(stored));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
