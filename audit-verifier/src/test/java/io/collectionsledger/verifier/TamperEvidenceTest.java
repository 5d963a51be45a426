package io.collectionsledger.verifier;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.collectionsledger.contracts.audit.ChainHash;
import io.collectionsledger.contracts.audit.JournalLine;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier finds every kind of tampering with the event store or an export, and names the first bad place. */
class TamperEvidenceTest {

    private static final ObjectWriter JSON = JsonMapper.builder().build().writerFor(JournalLine.class);

    private final LedgerDatabase store = new LedgerDatabase().withEvents(6);
    private final String digest = store.chain();
    private String output;

    @TempDir
    Path folder;

    @Test
    void anUntouchedEventStoreIsIntact() {
        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.INTACT);
        assertThat(output).startsWith("intact: 6 events chained through global index 6").contains("matches the digest kept at global index 6");
    }

    @Test
    void eventsAppendedAfterTheKeptDigestKeepTheOldDigestValidAndMayWaitForTheChainer() {
        store.withEvents(2);
        String later = store.chain();
        store.withEvents(1);

        assertThat(verifyStore(digest, later)).isEqualTo(AuditVerifier.INTACT);
        assertThat(output).contains("8 events chained through global index 8", "1 later events not chained yet");
    }

    @Test
    void aRowChangedInSqlIsNamedAsAltered() {
        store.tamper("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '300.00', '30.00'), 'UTF8') where global_index = 3");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("altered: event at global index 3 (aggregate CUST-A seq 1)");
    }

    @Test
    void aChangedRecordingTimeOrMetadataIsAnAlterationToo() {
        store.tamper("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'billing', 'someone'), 'UTF8') where global_index = 5");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("altered: event at global index 5 (aggregate CUST-A seq 2)");
    }

    @Test
    void aDeletedEventIsNamedByItsGlobalIndex() {
        store.tamper("delete from event_chain where global_index = 4", "delete from domain_event_entry where global_index = 4");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("deleted: expected an event at global index 4");
    }

    @Test
    void anEventDeletedWhileItsLinkStaysIsNamedToo() {
        store.tamper("delete from domain_event_entry where global_index = 2");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("deleted: expected an event at global index 2");
    }

    @Test
    void aLinkDeletedFromTheChainIsNamed() {
        store.tamper("delete from event_chain where global_index = 3");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("deleted: the link of event at global index 3 (aggregate CUST-A seq 1) is gone from the chain");
    }

    @Test
    void anEventInsertedIntoTheChainedJournalIsNamed() {
        // where a rolled-back append left a gap
        LedgerDatabase fresh = new LedgerDatabase().withEvents(3);
        fresh.tamper("alter table domain_event_entry alter column global_index restart with 5");
        fresh.withEvents(2);
        String freshDigest = fresh.chain();
        fresh.tamper("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                values (4, 'forged', 'CUST-A', 99, 'CustomerAccount', '2026-05-01T02:00:04Z',
                    'io.collectionsledger.contracts.payment.PaymentRecorded', '1', convert_to('{"customerId":"CUST-A"}', 'UTF8'), null)""");

        assertThat(AuditVerifier.run(new String[]{"--jdbc", fresh.url, "--user", FreshDatabase.user(), "--digest", freshDigest}, capture()))
                .isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("inserted: event at global index 4 (aggregate CUST-A seq 99) is not in the chain");
    }

    @Test
    void anEventInsertedWithAForgedLinkIsNamed() {
        store.tamper("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                values (0, 'forged', 'CUST-Z', 0, 'CustomerAccount', '2026-05-01T00:00:00Z',
                    'io.collectionsledger.contracts.customer.CustomerRegistered', '1', convert_to('{"customerId":"CUST-Z"}', 'UTF8'), null)""",
                "insert into event_chain values (0, 0, '" + "ab".repeat(32) + "', now())");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("inserted: event at global index 0 (aggregate CUST-Z seq 0) is not in the chain");
    }

    @Test
    void twoSwappedEventsAreNamedAsReordered() {
        store.tamper("update domain_event_entry set global_index = -1 where global_index = 2",
                "update domain_event_entry set global_index = 2 where global_index = 5",
                "update domain_event_entry set global_index = 5 where global_index = -1");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("reordered: the event chained at global index 2 is now event at global index 5 (aggregate CUST-B seq 0)");
    }

    @Test
    void eventsMovedWithTheirLinksAreNamedAsReordered() {
        store.tamper("update domain_event_entry set global_index = -1 where global_index = 2",
                "update domain_event_entry set global_index = 2 where global_index = 3",
                "update domain_event_entry set global_index = 3 where global_index = -1",
                "update event_chain set global_index = -1 where global_index = 2",
                "update event_chain set global_index = 2 where global_index = 3",
                "update event_chain set global_index = 3 where global_index = -1");

        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("reordered: event at global index 2 (aggregate CUST-A seq 1) was chained after global index 2");
    }

    @Test
    void aRowRewrittenWithTheChainRehashedAfterItIsCaughtByTheKeptDigest() {
        String keptEarlier = "0:" + ChainHash.GENESIS;
        store.tamper("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '300.00', '30.00'), 'UTF8') where global_index = 3",
                "delete from event_chain where global_index >= 3");
        store.chain();

        assertThat(verifyStore(keptEarlier)).as("without a digest kept after the change the rewrite holds").isEqualTo(AuditVerifier.INTACT);
        assertThat(verifyStore(digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("digest does not match: at global index 6").contains("an event at or before global index 6");
    }

    @Test
    void severalKeptDigestsNarrowDownWhereTheRewriteWas() {
        LedgerDatabase journal = new LedgerDatabase().withEvents(2);
        String first = journal.chain();
        journal.withEvents(4);
        String second = journal.chain();
        journal.tamper("update domain_event_entry set time_stamp = '2026-04-01T00:00:00Z' where global_index = 4",
                "delete from event_chain where global_index >= 4");
        journal.chain();

        assertThat(AuditVerifier.run(new String[]{"--jdbc", journal.url, "--user", FreshDatabase.user(), "--digest", first, "--digest", second},
                capture())).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).contains("at or before global index 6 and after global index 2");
    }

    @Test
    void anExportMadeBeforeARewriteNamesTheEventThatWasChangedBetweenTheTwoKeptDigests() throws IOException {
        LedgerDatabase journal = new LedgerDatabase().withEvents(2);
        String first = journal.chain();
        journal.withEvents(4);
        String second = journal.chain();
        Path earlier = write("earlier.ndjson", journal.export());
        journal.tamper("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '200.00', '2.00'), 'UTF8') where global_index = 4",
                "delete from event_chain where global_index >= 4");
        journal.chain();

        assertThat(AuditVerifier.run(new String[]{"--jdbc", journal.url, "--user", FreshDatabase.user(), "--digest", first, "--digest", second,
                "--earlier", earlier.toString()}, capture())).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output.lines()).containsExactly(
                output.lines().findFirst().orElseThrow(),
                "altered: event at global index 4 (aggregate CUST-B seq 1) differs from the earlier export in its payload");
        assertThat(output).startsWith("digest does not match: at global index 6").contains("at or before global index 6 and after global index 2");
    }

    @Test
    void anEventDeletedUnderARewriteIsNamedFromTheEarlierExportAndAnExportMadeAfterTheRewriteCannotTell() throws IOException {
        LedgerDatabase journal = new LedgerDatabase().withEvents(3);
        String kept = journal.chain();
        Path earlier = write("earlier.ndjson", journal.export());
        journal.tamper("delete from event_chain where global_index >= 2", "delete from domain_event_entry where global_index = 2");
        journal.chain();
        Path later = write("later.ndjson", journal.export());

        assertThat(AuditVerifier.run(new String[]{"--ndjson", later.toString(), "--digest", kept, "--earlier", earlier.toString()}, capture()))
                .isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).contains("\ndeleted: event at global index 2 (aggregate CUST-B seq 0) is in the earlier export and no longer in the journal");

        assertThat(AuditVerifier.run(new String[]{"--ndjson", later.toString(), "--digest", kept, "--earlier", later.toString()}, capture()))
                .isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).contains("\nthe earlier export does not hold either (digest does not match: at global index 3");
    }

    @Test
    void aForgedDigestWithAnotherHashDoesNotMatch() {
        assertThat(verifyStore("6:" + "0123456789abcdef".repeat(4))).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("digest does not match: at global index 6");
    }

    @Test
    void aDigestPositionedBeyondTheHeadMeansTheChainWasCut() {
        String beyond = "9:" + digest.substring(2);

        assertThat(verifyStore(beyond)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("chain ends before the kept digest: it reaches global index 6, the digest was kept at 9");
    }

    @Test
    void aDigestWhereNoEventIsChainedDoesNotMatch() {
        LedgerDatabase gapped = new LedgerDatabase().withEvents(2);
        gapped.tamper("alter table domain_event_entry alter column global_index restart with 5");
        gapped.withEvents(1);
        String head = gapped.chain();

        assertThat(AuditVerifier.run(new String[]{"--jdbc", gapped.url, "--user", FreshDatabase.user(), "--digest", head,
                "--digest", "3:" + head.substring(2)}, capture())).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("digest does not match: no event is chained at global index 3");
    }

    @Test
    void malformedDigestsAreAUsageError() {
        for (String malformed : List.of("6", "6:", ":" + digest.substring(2), "six:" + digest.substring(2), "-1:" + digest.substring(2),
                "6:" + digest.substring(2, 40), "6:" + digest.substring(2).toUpperCase() + "x", "6:" + "g".repeat(64))) {
            assertThat(verifyStore(malformed)).as(malformed).isEqualTo(AuditVerifier.USAGE);
            assertThat(output).contains("usage:");
        }
    }

    @Test
    void withoutADigestOrASourceTheVerifierRefusesToSayAnything() {
        assertThat(AuditVerifier.run(new String[]{"--jdbc", store.url}, capture())).isEqualTo(AuditVerifier.USAGE);
        assertThat(output).startsWith("give at least one --digest");
        assertThat(AuditVerifier.run(new String[]{"--digest", digest}, capture())).isEqualTo(AuditVerifier.USAGE);
        assertThat(AuditVerifier.run(new String[]{"--jdbc", "jdbc:postgresql://127.0.0.1:5432/no_such_ledger", "--digest", digest}, capture()))
                .isEqualTo(AuditVerifier.USAGE);
        assertThat(output).startsWith("cannot read the journal");
    }

    @Test
    void anUntouchedExportIsIntact() throws IOException {
        assertThat(verifyExport(store.export(), digest)).isEqualTo(AuditVerifier.INTACT);
        assertThat(output).startsWith("intact: 6 events chained through global index 6");
    }

    @Test
    void anExportMadeBeforeLogicalTypeNamesWithoutThatFieldIsIntactToo() throws IOException {
        Path file = folder.resolve("before-logical-types.ndjson");
        StringBuilder export = new StringBuilder();
        for (JournalLine line : store.export()) {
            export.append(JSON.writeValueAsString(line).replaceFirst(",\"logicalType\":\"[^\"]*\"", "")).append('\n');
        }
        Files.writeString(file, export);
        assertThat(Files.readString(file)).doesNotContain("logicalType");

        assertThat(AuditVerifier.run(new String[]{"--ndjson", file.toString(), "--digest", digest}, capture())).isEqualTo(AuditVerifier.INTACT);
        assertThat(output).startsWith("intact: 6 events chained through global index 6");
    }

    @Test
    void anExportWithALineChangedRemovedOrMovedIsNamed() throws IOException {
        List<JournalLine> lines = store.export();

        List<JournalLine> changed = new ArrayList<>(lines);
        JournalLine third = changed.get(2);
        changed.set(2, new JournalLine(third.globalIndex(), third.eventId(), third.aggregateType(), third.aggregateId(), third.sequence(),
                third.timestamp(), third.type(), third.logicalType(), third.revision(), third.payload().replace("300.00", "30.00"), third.metaData(),
                third.previousIndex(), third.hash()));
        assertThat(verifyExport(changed, digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("altered: event at global index 3");

        List<JournalLine> removed = new ArrayList<>(lines);
        removed.remove(3);
        assertThat(verifyExport(removed, digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("deleted: expected an event at global index 4");

        List<JournalLine> moved = new ArrayList<>(lines);
        moved.add(4, moved.remove(1));
        assertThat(verifyExport(moved, digest)).isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("reordered: event at global index 2 (aggregate CUST-B seq 0) comes later than global index 3");
    }

    @Test
    void anExportThatBeginsLaterIsCheckedFromTheDigestKeptWhereItBegins() throws IOException {
        List<JournalLine> lines = store.export();
        String atThree = "3:" + lines.get(2).hash();

        assertThat(verifyExport(lines.subList(3, 6), atThree, digest)).isEqualTo(AuditVerifier.INTACT);
        assertThat(verifyExport(lines.subList(3, 6), digest)).as("nothing vouches for where it begins").isEqualTo(AuditVerifier.TAMPERED);
        assertThat(output).startsWith("deleted: expected an event at global index 3");
    }

    @Test
    void anUnreadableExportIsNotCalledTampered() throws IOException {
        Path file = folder.resolve("broken.ndjson");
        Files.writeString(file, "{\"globalIndex\": 1, \"payload\": \n");

        assertThat(AuditVerifier.run(new String[]{"--ndjson", file.toString(), "--digest", digest}, capture())).isEqualTo(AuditVerifier.USAGE);
        assertThat(output).startsWith("cannot read the journal: line 1 is not a journal line");
    }

    private int verifyStore(String... digests) {
        List<String> args = new ArrayList<>(List.of("--jdbc", store.url, "--user", FreshDatabase.user()));
        for (String kept : digests) {
            args.addAll(List.of("--digest", kept));
        }
        return AuditVerifier.run(args.toArray(String[]::new), capture());
    }

    private int verifyExport(List<JournalLine> lines, String... digests) throws IOException {
        Path file = write("journal.ndjson", lines);
        List<String> args = new ArrayList<>(List.of("--ndjson", file.toString()));
        for (String kept : digests) {
            args.addAll(List.of("--digest", kept));
        }
        return AuditVerifier.run(args.toArray(String[]::new), capture());
    }

    private Path write(String name, List<JournalLine> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, lines.stream().map(line -> {
            try {
                return JSON.writeValueAsString(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    private PrintStream capture() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new PrintStream(bytes, true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
            }

            @Override
            public void println(String line) {
                super.println(line);
                output = bytes.toString(StandardCharsets.UTF_8);
            }
        };
    }
}
