package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17, against PostgreSQL: an account gets a snapshot once enough events were applied to it,
 * stored as readable JSON beside its events, and a command on it when it is not in the cache reads
 * it from that snapshot and answers as from its events; a snapshot of another revision, or one that
 * no longer reads, is passed over for the events.
 */
class AccountSnapshotsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THRESHOLD = 10;
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(FreshDatabase.another(), new MovableClock(LedgerIT.START), "--ledger.snapshot-threshold=" + THRESHOLD);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anAccountIsSnapshottedAfterEnoughEventsAndANextCommandReadsItFromTheSnapshotAsFromItsEvents() throws Exception {
        for (String customer : List.of("SNAP", "TWIN")) {
            recordAYear(customer);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots("SNAP") == 1 && snapshots("TWIN") == 1);

        Map<String, Object> row = jdbc().sql("""
                        select type, payload_type, payload_revision, sequence_number, convert_from(payload, 'UTF8') as payload
                        from snapshot_event_entry where aggregate_identifier = 'SNAP'""").query().singleRow();
        assertThat(row).containsEntry("type", "CustomerAccount").containsEntry("payload_type", CustomerAccount.class.getName())
                .containsEntry("payload_revision", "1");
        assertThat((Long) row.get("sequence_number")).isGreaterThanOrEqualTo(THRESHOLD - 1L);
        JsonNode snapshot = JSON.readTree((String) row.get("payload"));
        assertThat(snapshot.at("/customerId").asText()).isEqualTo("SNAP");
        assertThat(snapshot.at("/invoices/invoices/INV-3/terms/T1/open/PRINCIPAL/amount").decimalValue()).isEqualByComparingTo("1000.00");

        // TWIN is read from its events, SNAP from its snapshot
        jdbc().sql("delete from snapshot_event_entry where aggregate_identifier = 'TWIN'").update();
        service.bean(Cache.class).removeAll();
        long snapVersion = version("SNAP");
        long twinVersion = version("TWIN");
        for (String customer : List.of("SNAP", "TWIN")) {
            assertThat(pay(customer, "P-LAST", "2026-11-24", "2500.00", null).is2xxSuccessful()).isTrue();
        }

        assertThat(recordedAfter("SNAP", snapVersion)).isNotEmpty().isEqualTo(recordedAfter("TWIN", twinVersion));
    }

    @Test
    void aSnapshotOfAnotherRevisionIsPassedOverForTheEvents() {
        recordAYear("REV");
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots("REV") == 1);
        // a snapshot that says invoice INV-3 was never issued: read, it refuses a payment for INV-3
        jdbc().sql("""
                update snapshot_event_entry
                set payload = convert_to((convert_from(payload, 'UTF8')::jsonb #- '{invoices,invoices,INV-3}')::text, 'UTF8')
                where aggregate_identifier = 'REV'""").update();
        service.bean(Cache.class).removeAll();
        assertThat(pay("REV", "P-8", "2026-11-24", "100.00", "INV-3").value()).as("read from the snapshot: unknown invoice").isEqualTo(404);

        jdbc().sql("update snapshot_event_entry set payload_revision = '0' where aggregate_identifier = 'REV'").update();
        service.bean(Cache.class).removeAll();
        assertThat(pay("REV", "P-8", "2026-11-24", "100.00", "INV-3").is2xxSuccessful()).as("read from the events").isTrue();
    }

    @Test
    void aSnapshotThatNoLongerReadsIsPassedOverForTheEvents() {
        recordAYear("BROKEN");
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots("BROKEN") == 1);
        // a field renamed without a new revision
        jdbc().sql("""
                update snapshot_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"invoices":{"invoices"', '"invoices":{"bills"'), 'UTF8')
                where aggregate_identifier = 'BROKEN'""").update();
        service.bean(Cache.class).removeAll();

        assertThat(pay("BROKEN", "P-8", "2026-11-24", "100.00", "INV-3").is2xxSuccessful()).isTrue();
    }

    /**
     * Not a rule: how long reading an account of about a hundred and of about a thousand events takes from its events and
     * from its snapshot, printed ({@code mvn -pl ledger-service -am verify -Dit.test=AccountSnapshotsIT -Dtest=none
     * -Dsurefire.failIfNoSpecifiedTests=false}).
     */
    @Test
    void readingALongAccountFromItsSnapshotTakesLessThanFromItsEvents() {
        for (int invoices : new int[]{50, 500}) {
            String customer = "LONG-" + invoices;
            register(customer);
            for (int i = 0; i < invoices; i++) {
                invoice(customer, "INV-%03d".formatted(i), "2026-10-01", "100.00", "2026-12-31");
                if (i < invoices - 1) {
                    pay(customer, "P-%03d".formatted(i), "2026-10-02", "100.00", "INV-%03d".formatted(i));
                }
            }
            long events = version(customer) + 1;
            // the snapshots taken while it was recorded, the last of them at its last event
            await().atMost(Duration.ofSeconds(30)).until(() -> snapshotVersion(customer) == events - 1);
            jdbc().sql("delete from snapshot_event_entry where aggregate_identifier = ?").param(customer).update();
            double fromEvents = medianLoadMillis(customer);
            service.bean(Snapshotter.class).scheduleSnapshot(CustomerAccount.class, customer);
            await().atMost(Duration.ofSeconds(30)).until(() -> snapshotVersion(customer) == events - 1);
            double fromSnapshot = medianLoadMillis(customer);
            int bytes = jdbc().sql("select length(payload) from snapshot_event_entry where aggregate_identifier = ?").param(customer)
                    .query(Integer.class).single();

            System.out.printf("AccountSnapshotsIT: an account of %d events (%d invoices) read in %.2f ms from its events, %.2f ms from its"
                    + " snapshot of %,d bytes (median of 20 reads after 10)%n", events, invoices, fromEvents, fromSnapshot, bytes);
            assertThat(fromSnapshot).isPositive();
        }
    }

    /**
     * Reads the account as a command does when it is not in the cache, from the service's event store (its snapshot, if any,
     * and the events after it), but with no cache and no snapshot trigger; gives the median time of twenty reads after ten.
     */
    private static double medianLoadMillis(String customer) {
        Configuration axon = service.bean(Configuration.class);
        Repository<CustomerAccount> accounts = EventSourcingRepository.builder(CustomerAccount.class).eventStore(service.bean(EventStore.class))
                .parameterResolverFactory(axon.parameterResolverFactory()).handlerDefinition(axon.handlerDefinition(CustomerAccount.class))
                .build();
        double[] millis = new double[30];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                accounts.load(customer);
            } finally {
                unitOfWork.rollback();
            }
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(millis, 10, millis.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    /** Eleven events: registered, five invoices, five payments. */
    private static void recordAYear(String customer) {
        register(customer);
        for (int i = 1; i <= 5; i++) {
            invoice(customer, "INV-" + i, "2026-0" + (i + 1) + "-01", "3000.00", "2026-0" + (i + 2) + "-01");
            pay(customer, "P-" + i, "2026-0" + (i + 2) + "-15", "2000.00", "INV-" + i);
        }
    }

    private static void register(String customer) {
        service.send("/customers", """
                {"customerId": "%s", "name": "Hengda Building Materials Co.", "occurredOn": "2026-01-05"}""".formatted(customer));
    }

    private static void invoice(String customer, String invoiceId, String on, String amount, String due) {
        service.send("/customers/" + customer + "/invoices", """
                {"invoiceId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%s", "currency": "CNY"}, "dueDate": "%s"}]}"""
                .formatted(invoiceId, on, amount, amount, due));
    }

    private static HttpStatusCode pay(String customer, String paymentId, String on, String amount, String invoiceId) {
        String allocations = invoiceId == null ? "" : """
                , "allocations": [{"invoiceId": "%s", "amount": {"amount": "%s", "currency": "CNY"}}]""".formatted(invoiceId, amount);
        return service.http().post().uri("/customers/" + customer + "/payments").contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .body("""
                        {"paymentId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "method": "BANK_TRANSFER"%s}"""
                        .formatted(paymentId, on, amount, allocations))
                .exchange((request, response) -> response.getStatusCode());
    }

    private static long snapshots(String customer) {
        return jdbc().sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?").param(customer).query(Long.class).single();
    }

    private static long snapshotVersion(String customer) {
        return jdbc().sql("select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = ?").param(customer)
                .query(Long.class).single();
    }

    private static long version(String customer) {
        return jdbc().sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?").param(customer)
                .query(Long.class).single();
    }

    /** The events recorded after the version, each as its type and its payload with the customer's id left out. */
    private static List<String> recordedAfter(String customer, long version) {
        return jdbc().sql("""
                        select payload_type || ' ' || (convert_from(payload, 'UTF8')::jsonb - 'customerId')::text from domain_event_entry
                        where aggregate_identifier = ? and sequence_number > ? order by sequence_number""")
                .params(customer, version).query(String.class).list();
    }

    private static JdbcClient jdbc() {
        return service.jdbc();
    }
}
