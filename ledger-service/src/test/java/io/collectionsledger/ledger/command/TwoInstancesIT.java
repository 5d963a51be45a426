package io.collectionsledger.ledger.command;

import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.MovableClock;
import io.collectionsledger.ledger.RunningService;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one journal, each keeping the accounts it worked on in memory:
 * neither decides on an account older than what the other has committed, and writers racing
 * through both lose nothing and leave no gap.
 */
class TwoInstancesIT {

    private final MovableClock clock = new MovableClock(LedgerIT.START);

    @Test
    void anAccountKeptByOneInstanceIncludesWhatTheOtherRecordedSince() {
        String database = FreshDatabase.another();
        try (RunningService a = RunningService.start(database, clock);
             RunningService b = RunningService.start(database, clock)) {
            register(a, "C-1");
            invoice(a, "C-1", "INV-1", "900.00");
            invoice(b, "C-1", "INV-2", "500.00");

            // more than instance A had seen open (900), within what is open (1,400): recorded, not refused
            a.send("/customers/C-1/payment-promises", """
                    {"promiseId": "PR-1", "occurredOn": "2026-11-02", "amount": {"amount": "1200.00", "currency": "CNY"},
                     "promisedDate": "2026-11-30", "form": "WRITTEN", "collector": "collector-li", "documentRef": "commitment.pdf"}""");

            assertThat(sequenceNumbers(a, "C-1")).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
    }

    @Test
    void paymentsRacingThroughBothInstancesAreEachRecordedOnce() throws Exception {
        String database = FreshDatabase.another();
        try (RunningService a = RunningService.start(database, clock);
             RunningService b = RunningService.start(database, clock)) {
            register(a, "C-2");
            invoice(b, "C-2", "INV-1", "100000.00");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = IntStream.range(0, 4).mapToObj(writer -> writers.submit(() -> {
                    RunningService through = writer % 2 == 0 ? a : b;
                    for (int i = 0; i < 10; i++) {
                        through.send("/customers/C-2/payments", """
                                {"paymentId": "P-%d-%d", "occurredOn": "2026-11-05", "amount": {"amount": "10.00", "currency": "CNY"},
                                 "method": "BANK_TRANSFER", "reference": "wire"}""".formatted(writer, i));
                    }
                })).<Future<?>>map(future -> future).toList();
                for (Future<?> done : work) {
                    done.get();
                }
            } finally {
                writers.shutdown();
            }
            assertThat(a.jdbc().sql("select count(*) from domain_event_entry where payload_type like '%PaymentRecorded'")
                    .query(Long.class).single()).isEqualTo(40);
            assertThat(sequenceNumbers(b, "C-2")).containsExactlyElementsOf(upTo(43));
        }
    }

    private static List<Long> upTo(int count) {
        return IntStream.range(0, count).mapToObj(Long::valueOf).toList();
    }

    private static void register(RunningService service, String customer) {
        service.send("/customers", """
                {"customerId": "%s", "name": "Customer %1$s", "occurredOn": "2026-01-05"}""".formatted(customer));
        service.send("/customers/" + customer + "/contracts", """
                {"contractId": "K-1", "occurredOn": "2026-02-01",
                 "lateFees": {"dailyRatePercent": 0.05, "capPercentOfPrincipal": 30, "debtorBearsCollectionCosts": true}}""");
    }

    private static void invoice(RunningService service, String customer, String invoice, String amount) {
        service.send("/customers/" + customer + "/invoices", """
                {"invoiceId": "%s", "occurredOn": "2026-10-01", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%2$s", "currency": "CNY"}, "dueDate": "2026-11-01"}]}"""
                .formatted(invoice, amount));
    }

    private static List<Long> sequenceNumbers(RunningService service, String customer) {
        return service.jdbc().sql("select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")
                .param(customer).query(Long.class).list();
    }
}
