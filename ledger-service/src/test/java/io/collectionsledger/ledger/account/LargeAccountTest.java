package io.collectionsledger.ledger.account;

import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.shared.AccountEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.collectionsledger.ledger.account.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with 500 invoices, all but one paid, loads from its events and still allocates a
 * payment to the debt that is open. Each test prints how long it took, so a change to how the
 * account is built from its events can be compared run against run (the figures are not asserted).
 */
class LargeAccountTest extends AccountFixture {

    private static final int INVOICES = 500;
    private static final int ROUNDS = 8;
    private static final int LOADS = 400;
    private static final List<AccountEvent> HISTORY = history();
    private static final String LAST_INVOICE = "INV-%03d".formatted(INVOICES - 1);

    @Test
    void aPaymentOnAnAccountWithFiveHundredInvoicesGoesToTheOneStillOpen() {
        // the first rounds warm the JVM up; each round is a fresh fixture
        for (int round = 1; round <= ROUNDS; round++) {
            setUpFixture();
            long started = System.nanoTime();
            fixture.given(HISTORY)
                    .when(new RecordPayment(CUSTOMER, "P-LAST", TODAY, cny("100.00"), RecordPayment.Method.BANK_TRANSFER, null, null))
                    .expectEvents(paidToday("P-LAST", "100.00", List.of(principal(LAST_INVOICE, "T1", "100.00")), "0.00"));
            System.out.printf("LargeAccountTest round %d: %d events loaded and a payment handled in %d ms%n",
                    round, HISTORY.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Loading alone, as the command bus does on a cache miss, from an event store in memory. */
    @Test
    void theAccountLoadsAtTheVersionOfItsLastEvent() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
            stored.add(new GenericDomainEventMessage<>("CustomerAccount", CUSTOMER, sequence, HISTORY.get(sequence)));
        }
        engine.appendEvents(stored);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        EventSourcingRepository<CustomerAccount> accounts = EventSourcingRepository.builder(CustomerAccount.class).eventStore(store).build();
        long[] nanos = new long[LOADS];
        try {
            for (int load = 0; load < LOADS; load++) {
                long started = System.nanoTime();
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                Aggregate<CustomerAccount> account = accounts.load(CUSTOMER);
                assertThat(account.version()).isEqualTo(HISTORY.size() - 1L);
                unitOfWork.rollback();
                nanos[load] = System.nanoTime() - started;
            }
        } finally {
            store.shutDown();
        }
        // the second half, once the JVM has warmed up
        long[] warm = Arrays.copyOfRange(nanos, LOADS / 2, LOADS);
        Arrays.sort(warm);
        System.out.printf("LargeAccountTest: %d events loaded in %.2f ms at best, %.2f ms at the median%n",
                HISTORY.size(), warm[0] / 1e6, warm[warm.length / 2] / 1e6);
    }

    private static List<AccountEvent> history() {
        List<AccountEvent> history = new ArrayList<>();
        history.add(registered());
        history.add(contractWithStagedTerms());
        for (int i = 0; i < INVOICES; i++) {
            String invoiceId = "INV-%03d".formatted(i);
            // not yet due: a payment fixes the late fees of overdue terms before it is allocated, which is not what this measures
            history.add(invoiced(invoiceId, "100.00", "2026-12-31"));
            if (i < INVOICES - 1) {
                history.add(paidToday("P-%03d".formatted(i), "100.00", List.of(principal(invoiceId, "T1", "100.00")), "0.00"));
            }
        }
        return history;
    }
}
