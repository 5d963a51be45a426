package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import io.collectionsledger.verifier.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every recorded fact is chained soon after; an outsider's verifier proves the journal intact, or names what was done to it. */
class TamperEvidenceIT extends LedgerIT {

    @TempDir
    Path folder;

    @Test
    void everyEventIsChainedWithinSecondsAndThePublishedDigestAdvances() {
        long position = Long.parseLong(register().getHeaders().getFirst("Ledger-Position"));
        JsonNode first = awaitChainedThrough(position);
        long next = Long.parseLong(command("/customers/{c}/early-warnings", """
                {"warningId": "W-1", "occurredOn": "2026-11-09", "signal": "REPEATED_EXTENSION_REQUESTS"}""")
                .getHeaders().getFirst("Ledger-Position"));
        JsonNode second = awaitChainedThrough(next);

        assertThat(second.get("position").asLong()).isGreaterThan(first.get("position").asLong());
        assertThat(second.get("headHash").asText()).isNotEqualTo(first.get("headHash").asText()).hasSize(64);
        assertThat(second.get("digest").asText()).isEqualTo(second.get("position").asText() + ":" + second.get("headHash").asText());
        assertThat(second.get("journalHead").asLong()).isGreaterThanOrEqualTo(second.get("position").asLong());
        assertThat(second.hasNonNull("chainedAt")).isTrue();
        assertThat(get("/customers/{c}/history", h -> { }).getBody().at("/entries/0/hash").asText()).hasSize(64);
    }

    @Test
    void theVerifierFindsTheLiveJournalIntactInTheDatabaseAndInTheExport() throws IOException {
        long position = Long.parseLong(register().getHeaders().getFirst("Ledger-Position"));
        String digest = awaitChainedThrough(position).get("digest").asText();

        assertThat(verify("--jdbc", FreshDatabase.url(), "--digest", digest)).isEqualTo(AuditVerifier.INTACT);

        Path export = folder.resolve("journal.ndjson");
        Files.writeString(export, getText("/audit/journal.ndjson", h -> { }).getBody());
        assertThat(verify("--ndjson", export.toString(), "--digest", digest)).isEqualTo(AuditVerifier.INTACT);
        long later = Long.parseLong(command("/customers/{c}/early-warnings", """
                {"warningId": "W-1", "occurredOn": "2026-11-09", "signal": "REPEATED_EXTENSION_REQUESTS"}""")
                .getHeaders().getFirst("Ledger-Position"));
        awaitChainedThrough(later);
        Path tail = folder.resolve("tail.ndjson");
        Files.writeString(tail, getText("/audit/journal.ndjson?from=" + (Long.parseLong(digest.split(":")[0]) + 1), h -> { }).getBody());
        assertThat(verify("--ndjson", tail.toString(), "--digest", digest)).as("an export that goes on from a kept digest")
                .isEqualTo(AuditVerifier.INTACT);
    }

    @Test
    void eventsAppendedConcurrentlyAreAllChainedNoneSkippedAndTheChainHolds() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String account = customer + "-" + w;
            done.add(writers.submit(() -> {
                command("/customers", """
                        {"customerId": "%s", "name": "Writer %s", "occurredOn": "2026-01-05"}""".formatted(account, account));
                for (int i = 0; i < 25; i++) {
                    command("/customers/" + account + "/early-warnings", """
                            {"warningId": "W-%d", "occurredOn": "2026-11-09", "signal": "REPEATED_EXTENSION_REQUESTS"}""".formatted(i));
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        String digest = awaitChainedThrough(head).get("digest").asText();

        assertThat(jdbc.sql("""
                select count(*) from domain_event_entry e left join event_chain c on c.global_index = e.global_index
                where c.global_index is null and e.global_index <= ?""").param(head).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like ?").param(customer + "-%")
                .query(Long.class).single()).isEqualTo(4 * 26);
        assertThat(verify("--jdbc", FreshDatabase.url(), "--digest", digest)).isEqualTo(AuditVerifier.INTACT);
    }

    /** On a database of its own: tampering with the shared one would break every other test. */
    @Test
    void aRowChangedInSqlThenTheChainRewrittenAndAnEventDeletedAreEachCaughtAndNamed() {
        String database = FreshDatabase.another();
        // the service's own scheduled verification is left out: this is about what the auditor's verifier finds
        try (RunningService ledger = RunningService.start(database, clock, "--ledger.audit.verify-interval=PT1H")) {
            ledger.send("/customers", """
                    {"customerId": "AUDITED", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""");
            for (int i = 1; i <= 5; i++) {
                ledger.send("/customers/AUDITED/contact-attempts", """
                        {"contactId": "CT-%d", "occurredOn": "2026-11-0%d", "collector": "collector-li", "channel": "PHONE",
                         "partyReached": "Li Na, finance", "outcome": "PROMISE_OBTAINED", "excuse": "APPROVAL_IN_PROGRESS"}""".formatted(i, i));
            }
            JdbcClient sql = ledger.jdbc();
            long head = sql.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.http().get().uri("/audit/digest").retrieve()
                    .body(JsonNode.class).get("position").asLong() == head);
            String kept = ledger.http().get().uri("/audit/digest").retrieve().body(JsonNode.class).get("digest").asText();
            assertThat(verify("--jdbc", database, "--digest", kept)).isEqualTo(AuditVerifier.INTACT);

            long third = sql.sql("select global_index from domain_event_entry where sequence_number = 3").query(Long.class).single();
            sql.sql("""
                    update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Li Na', 'nobody'), 'UTF8')
                    where global_index = ?""").param(third).update();
            assertThat(verify("--jdbc", database, "--digest", kept)).isEqualTo(AuditVerifier.TAMPERED);
            assertThat(output).startsWith("altered: event at global index " + third + " (aggregate AUDITED seq 3)");

            // the chainer does not link again over deleted links, it raises its alarm; once an administrator resumes
            // it, it rehashes everything after the change, and only the kept digest can tell
            sql.sql("delete from event_chain where global_index >= ?").param(third).update();
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.http().get().uri("/audit/digest").retrieve()
                    .body(JsonNode.class).at("/alarm/finding").asText().startsWith("links missing"));
            assertThat(sql.sql("select count(*) from event_chain where global_index >= ?").param(third).query(Long.class).single()).isZero();
            ledger.http().post().uri("/admin/audit/chain/resume").retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    sql.sql("select count(*) from event_chain where global_index >= ?").param(third).query(Long.class).single() == head - third + 1);
            assertThat(verify("--jdbc", database, "--digest", "0:" + "0".repeat(64))).isEqualTo(AuditVerifier.INTACT);
            assertThat(verify("--jdbc", database, "--digest", kept)).isEqualTo(AuditVerifier.TAMPERED);
            assertThat(output).startsWith("digest does not match: at global index " + head);

            String rewritten = ledger.http().get().uri("/audit/digest").retrieve().body(JsonNode.class).get("digest").asText();
            long fifth = sql.sql("select global_index from domain_event_entry where sequence_number = 5").query(Long.class).single();
            sql.sql("delete from event_chain where global_index = ?").param(fifth - 1).update();
            sql.sql("delete from domain_event_entry where global_index = ?").param(fifth - 1).update();
            assertThat(verify("--jdbc", database, "--digest", rewritten)).isEqualTo(AuditVerifier.TAMPERED);
            assertThat(output).startsWith("deleted: expected an event at global index " + (fifth - 1));
        }
    }

    private JsonNode awaitChainedThrough(long position) {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/audit/digest", h -> { }).getBody().get("position").asLong() >= position);
        return get("/audit/digest", h -> { }).getBody();
    }

    private String output;

    private int verify(String... args) {
        String[] withUser = new String[args.length + 2];
        System.arraycopy(args, 0, withUser, 0, args.length);
        withUser[args.length] = "--user";
        withUser[args.length + 1] = FreshDatabase.user();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = AuditVerifier.run(withUser, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
