package io.collectionsledger.ledger.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.audit.StoredEvent;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import io.collectionsledger.verifier.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A journal that holds events stored under their class names, as the ledger stored them before
 * logical type names (issue 14), and events stored since under their logical names, side by side
 * in one account: the account loads, the read models rebuild to what they were, the history and
 * the view show logical names, the export keeps the types as stored, and the verifier finds the
 * chain intact over both.
 */
class LogicalTypesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ledger's own tables; every other table belongs to a read model. */
    private static final Set<String> LEDGER_TABLES = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "command_log", "flyway_schema_history", "business_day_closed", "event_chain", "access_log", "read_model_rebuild",
            "account_agenda");
    private static final List<String> OLD_STORY = List.of("customer.CustomerRegistered", "contract.ContractRecorded",
            "delivery.DeliveryRecorded", "receivable.InvoiceIssued", "payment.PaymentRecorded", "litigation.LawsuitFiled");

    private final MovableClock clock = new MovableClock(LedgerIT.START);
    private RunningService service;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eventsStoredUnderClassNamesBesideLogicalNamesLoadReplayShowAndVerify() throws IOException, SQLException {
        String database = FreshDatabase.another();
        service = RunningService.start(database, clock);
        oldStory();
        service.close();
        PGSimpleDataSource rows = dataSource(database);
        JdbcClient sql = JdbcClient.create(rows);
        // What the ledger stored before logical type names: the same rows under the class names, and
        // no chain yet over them (the chain of that time hashed exactly what is stored now).
        sql.sql("update domain_event_entry set payload_type = ? || payload_type").param(StoredEvent.LEGACY_PREFIX).update();
        sql.sql("delete from event_chain").update();

        service = RunningService.start(database, clock);
        // The account is loaded from the old rows: the payment finds the invoice open, the step finds the case.
        service.send("/customers/OLD/payments", """
                {"paymentId": "P-2", "occurredOn": "2026-11-20", "amount": {"amount": "1000.00", "currency": "CNY"},
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "INV-OLD", "amount": {"amount": "1000.00", "currency": "CNY"}}]}""");
        service.send("/customers/OLD/legal-cases/CASE-OLD/steps", """
                {"stepId": "S-1", "occurredOn": "2026-11-21", "step": "PRESERVATION_ORDERED", "documentRef": "ruling.pdf"}""");
        service.send("/customers", """
                {"customerId": "NEW", "name": "Li Na Trading", "occurredOn": "2026-11-01"}""");

        // The close of day at the start records what time brought the account too (an overdue term's stage ...), under logical names.
        List<String> stored = sql.sql("select payload_type from domain_event_entry where aggregate_identifier = 'OLD' order by sequence_number")
                .query(String.class).list();
        assertThat(stored.subList(0, OLD_STORY.size()))
                .containsExactlyElementsOf(OLD_STORY.stream().map(type -> StoredEvent.LEGACY_PREFIX + type).toList());
        assertThat(stored.subList(OLD_STORY.size(), stored.size())).noneMatch(type -> type.startsWith(StoredEvent.LEGACY_PREFIX))
                .containsSubsequence("payment.PaymentRecorded", "litigation.LegalStepRecorded");

        historiesShowLogicalNames(stored);
        assertThat(sql.sql("select payload_type from event_journal where aggregate_identifier = 'OLD' order by sequence_number")
                .query(String.class).list()).as("the view").containsExactlyElementsOf(logical(stored));
        assertThat(sql.sql("select stored_payload_type from event_journal where aggregate_identifier = 'OLD' order by sequence_number")
                .query(String.class).list()).containsExactlyElementsOf(stored);
        theAccountFindersUseTheirIndexesForBothNames(rows);
        readModelsRebuildToWhatTheyWere();
        theExportKeepsTheStoredTypesAndTheVerifierFindsTheChainIntact(database, stored);
    }

    /** A customer's story up to a lawsuit, with a contract, a delivery under it, an invoice and a payment. */
    private void oldStory() {
        service.send("/customers", """
                {"customerId": "OLD", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""");
        service.send("/customers/OLD/contracts", """
                {"contractId": "K-OLD", "occurredOn": "2026-02-01",
                 "validity": [{"kind": "COUNTERPARTY_STAMP", "documentRef": "K-stamped.pdf"}],
                 "paymentTerms": [{"termId": "ADV", "percent": 30, "trigger": "ADVANCE", "days": 0},
                                  {"termId": "ACC", "percent": 70, "trigger": "ON_ACCEPTANCE", "days": 30}]}""");
        service.send("/customers/OLD/deliveries", """
                {"deliveryId": "D1", "occurredOn": "2026-05-20", "details": {"kind": "GOODS", "contractId": "K-OLD",
                 "description": "10 t cement", "signedReceipt": {"signedBy": "Wang Wei", "signedOn": "2026-05-20", "documentRef": "DN-D1.pdf"}}}""");
        service.send("/customers/OLD/invoices", """
                {"invoiceId": "INV-OLD", "contractId": "K-OLD", "occurredOn": "2026-06-01", "amount": {"amount": "10000.00", "currency": "CNY"}}""");
        service.send("/customers/OLD/payments", """
                {"paymentId": "P-1", "occurredOn": "2026-08-15", "amount": {"amount": "4000.00", "currency": "CNY"}, "method": "BANK_TRANSFER",
                 "allocations": [{"invoiceId": "INV-OLD", "amount": {"amount": "4000.00", "currency": "CNY"}}]}""");
        service.send("/customers/OLD/legal-cases", """
                {"caseId": "CASE-OLD", "occurredOn": "2026-11-10", "forum": "LITIGATION", "body": "Shanghai Pudong People's Court",
                 "invoiceIds": ["INV-OLD"], "claimAmount": {"amount": "6000.00", "currency": "CNY"},
                 "preservationRequested": true, "documentRef": "complaint.pdf"}""");
    }

    private void historiesShowLogicalNames(List<String> stored) {
        assertThat(types("/customers/OLD/history")).containsExactlyElementsOf(logical(stored)).startsWith(OLD_STORY.toArray(String[]::new));
        assertThat(types("/customers/OLD/history?type=PaymentRecorded")).as("old and new rows by the event name")
                .containsExactly("payment.PaymentRecorded", "payment.PaymentRecorded");
        assertThat(types("/customers/OLD/history?type=receivable.InvoiceIssued")).containsExactly("receivable.InvoiceIssued");
        // found through the accounts that recorded them, stored under the class name
        assertThat(types("/contracts/K-OLD/history")).startsWith("contract.ContractRecorded", "delivery.DeliveryRecorded",
                "receivable.InvoiceIssued");
        assertThat(types("/invoices/INV-OLD/history?customerId=OLD")).startsWith("receivable.InvoiceIssued", "payment.PaymentRecorded")
                .containsSubsequence("litigation.LawsuitFiled", "payment.PaymentRecorded");
        assertThat(types("/legal-cases/CASE-OLD/history")).containsExactly("litigation.LawsuitFiled", "litigation.LegalStepRecorded");
        assertThat(types("/customers/NEW/history")).containsExactly("customer.CustomerRegistered");
    }

    /**
     * The partial indexes of V6 serve Journal's query whichever name a row was stored under. The
     * table is tiny and a sequential scan would win here; what matters is that the index can serve it.
     */
    private static void theAccountFindersUseTheirIndexesForBothNames(PGSimpleDataSource database) throws SQLException {
        Map<Journal.RecordedBy, String> finders = Map.of(
                new Journal.RecordedBy("contract.ContractRecorded", "contractId", null), "domain_event_entry_contract",
                new Journal.RecordedBy("receivable.InvoiceIssued", "invoiceId", null), "domain_event_entry_invoice",
                new Journal.RecordedBy("litigation.LawsuitFiled", "caseId", null), "domain_event_entry_case");
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute("set enable_seqscan = off");
            for (Map.Entry<Journal.RecordedBy, String> finder : finders.entrySet()) {
                String query = Journal.accountsRecording(finder.getKey());
                PreparedStatement explain = connection.prepareStatement("explain " + query);
                explain.setString(1, "ANY-ID");
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                assertThat(plan).as(query).contains("Index Scan using " + finder.getValue() + " ");
            }
        }
    }

    private void readModelsRebuildToWhatTheyWere() {
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));
        JdbcClient sql = service.jdbc();
        List<String> tables = sql.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list().stream().filter(table -> !LEDGER_TABLES.contains(table)).toList();
        assertThat(tables).contains("statement_term", "aging_movement");
        tables.forEach(table -> sql.sql("create table snap_" + table + " as table " + table).update());

        service.rebuildEveryReadModel();
        service.awaitReadModelsCaughtUp(Duration.ofSeconds(60));

        for (String table : tables) {
            assertThat(difference(sql, table, "snap_" + table)).as("rows of %s live but not rebuilt", table).isZero();
            assertThat(difference(sql, "snap_" + table, table)).as("rows of %s rebuilt but not live", table).isZero();
        }
        assertThat(sql.sql("select count(*) from snap_statement_term").query(Long.class).single()).isPositive();
    }

    private void theExportKeepsTheStoredTypesAndTheVerifierFindsTheChainIntact(String database, List<String> stored) throws IOException {
        JsonNode digest = await().atMost(Duration.ofSeconds(30))
                .until(() -> service.http().get().uri("/audit/digest").retrieve().body(JsonNode.class),
                        head -> head.get("position").asLong() > 0 && head.get("position").asLong() == head.get("journalHead").asLong());

        String export = service.http().get().uri("/audit/journal.ndjson").retrieve().body(String.class);
        List<JsonNode> lines = export.lines().map(LogicalTypesIT::json).toList();
        assertThat(lines).hasSize(service.jdbc().sql("select count(*) from domain_event_entry").query(Integer.class).single());
        List<JsonNode> old = lines.stream().filter(line -> line.get("aggregateId").asText().equals("OLD")).toList();
        assertThat(old).extracting(line -> line.get("type").asText()).as("as stored").containsExactlyElementsOf(stored);
        assertThat(old).extracting(line -> line.get("logicalType").asText()).containsExactlyElementsOf(logical(stored));

        String kept = digest.get("digest").asText();
        assertThat(verify("--jdbc", database, "--user", FreshDatabase.user(), "--digest", kept)).isEqualTo(AuditVerifier.INTACT);
        Path file = folder.resolve("journal.ndjson");
        Files.writeString(file, export);
        assertThat(verify("--ndjson", file.toString(), "--digest", kept)).isEqualTo(AuditVerifier.INTACT);
    }

    private List<String> types(String path) {
        JsonNode page = service.http().get().uri(path).retrieve().body(JsonNode.class);
        return StreamSupport.stream(page.get("entries").spliterator(), false).map(entry -> entry.get("type").asText()).toList();
    }

    private static List<String> logical(List<String> stored) {
        return stored.stream().map(StoredEvent::logicalType).toList();
    }

    private static long difference(JdbcClient sql, String left, String right) {
        return sql.sql("select count(*) from (table " + left + " except all table " + right + ") missing").query(Long.class).single();
    }

    private static int verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int verdict = AuditVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the verifier's word").isNotBlank();
        return verdict;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(FreshDatabase.user());
        dataSource.setPassword(FreshDatabase.password());
        return dataSource;
    }
}
