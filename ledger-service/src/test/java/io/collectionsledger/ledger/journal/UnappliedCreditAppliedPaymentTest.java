package io.collectionsledger.ledger.journal;

import io.collectionsledger.contracts.payment.UnappliedCreditApplied;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A credit application recorded before the ledger applied payments to later invoices (revision 1) reads as the customer's. */
class UnappliedCreditAppliedPaymentTest {

    private static final String REVISION_1 = """
            {"customerId":"CUST-1","applicationId":"A-1","occurredOn":"2026-09-02","amount":{"amount":"300.00","currency":"CNY"},
             "allocations":[{"invoiceId":"INV-2","termId":"T1","component":"PRINCIPAL","amount":{"amount":"300.00","currency":"CNY"}}]}""";

    private final LogicalTypeSerializer serializer = new LogicalTypeSerializer(JacksonSerializer.builder(), new EventTypes());

    @Test
    void anApplicationStoredAtRevision1NamesNoPaymentWhicheverNameItWasStoredUnder() {
        List<Object> read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                        stored(0, UnappliedCreditApplied.class.getName()), stored(1, "payment.UnappliedCreditApplied")),
                serializer, new EventUpcasterChain(new LegacyTypeNames(), new DunningLetterSentDocument(), new UnappliedCreditAppliedPayment()))
                .asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();

        UnappliedCreditApplied application = new UnappliedCreditApplied("CUST-1", "A-1", LocalDate.parse("2026-09-02"),
                Money.of("300.00", "CNY"), List.of(new Allocation("INV-2", "T1", Allocation.Component.PRINCIPAL, Money.of("300.00", "CNY"))),
                null);
        assertThat(read).containsExactly(application, application);
    }

    @Test
    void anApplicationOfAPaymentIsStoredAtRevision2WithThePayment() {
        UnappliedCreditApplied application = new UnappliedCreditApplied("CUST-1", "_P-1@2026-09-11", LocalDate.parse("2026-09-11"),
                Money.of("100.00", "CNY"), List.of(new Allocation("INV-1", "T1", Allocation.Component.PRINCIPAL, Money.of("100.00", "CNY"))),
                "P-1");

        var stored = serializer.serialize(application, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(application);
    }

    private static GenericDomainEventEntry<byte[]> stored(long sequence, String type) {
        return new GenericDomainEventEntry<>("CustomerAccount", "CUST-1", sequence, "e-" + sequence, "2026-11-02T02:00:00Z",
                type, "1", REVISION_1.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
