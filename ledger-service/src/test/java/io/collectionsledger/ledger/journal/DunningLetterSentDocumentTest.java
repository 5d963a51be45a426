package io.collectionsledger.ledger.journal;

import io.collectionsledger.contracts.dunning.DunningLetterSent;
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

/** A dunning letter recorded before the ledger made letters (revision 1) reads as one made elsewhere: no hash, no template. */
class DunningLetterSentDocumentTest {

    private static final String REVISION_1 = """
            {"customerId":"CUST-1","letterId":"L-1","occurredOn":"2026-10-26","level":1,"invoiceIds":["INV-2"],
             "amountDemanded":{"amount":"500.00","currency":"CNY"},"lateFeesDemanded":{"amount":"0.00","currency":"CNY"},
             "deadline":"2026-11-05","rightsReserved":true,"courier":"EMS","waybill":"EA204512345CN","documentRef":"dunning-L-1.pdf"}""";

    private final LogicalTypeSerializer serializer = new LogicalTypeSerializer(JacksonSerializer.builder(), new EventTypes());

    @Test
    void aLetterStoredAtRevision1ReadsWithoutADocumentHashOrTemplateWhicheverNameItWasStoredUnder() {
        List<Object> read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                        stored(0, DunningLetterSent.class.getName(), "1"), stored(1, "dunning.DunningLetterSent", "1")),
                serializer, new EventUpcasterChain(new LegacyTypeNames(), new DunningLetterSentDocument()))
                .asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();

        DunningLetterSent letter = new DunningLetterSent("CUST-1", "L-1", LocalDate.parse("2026-10-26"), 1, List.of("INV-2"),
                Money.of("500.00", "CNY"), Money.of("0.00", "CNY"), LocalDate.parse("2026-11-05"), true, "EMS", "EA204512345CN",
                "dunning-L-1.pdf", null, null);
        assertThat(read).containsExactly(letter, letter);
    }

    @Test
    void aLetterTheLedgerMadeIsStoredAtRevision2WithItsHashAndTemplate() {
        DunningLetterSent letter = new DunningLetterSent("CUST-1", "L-2", LocalDate.parse("2026-11-24"), 2, List.of("INV-2"),
                Money.of("500.00", "CNY"), Money.of("7.50", "CNY"), LocalDate.parse("2026-12-04"), true, "EMS", "EA1CN",
                "sha256:" + "ab".repeat(32), "ab".repeat(32), "dunning-letter@0123456789ab");

        var stored = serializer.serialize(letter, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(letter);
    }

    private static GenericDomainEventEntry<byte[]> stored(long sequence, String type, String revision) {
        return new GenericDomainEventEntry<>("CustomerAccount", "CUST-1", sequence, "e-" + sequence, "2026-11-02T02:00:00Z",
                type, revision, REVISION_1.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
