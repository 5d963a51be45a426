package io.collectionsledger.ledger.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.shared.EventType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a stored event evolves (README, "Stored events"), on an example event of its own. The
 * journal already holds it four ways: under its class name from before logical names, under the
 * logical name it was first given ({@code example.ParcelSent}), and under today's name in its first
 * and second shape. Moving or renaming the record needs nothing: it keeps its {@link EventType}.
 * A new logical name needs an upcaster that maps the old name to it; a new shape needs a new
 * {@link Revision} and an upcaster over the JSON. In the service each upcaster is a Spring bean
 * (an {@code EventUpcaster} {@code @Component}), ordered after {@link LegacyTypeNames} and in the
 * order of the changes, so each sees only what the ones before it left.
 */
class EventEvolutionTest {

    /** Was {@code example.ParcelSent} with a {@code courier} (revision 1); renamed, and the field is now {@code carrier}. */
    @EventType("example.ParcelShipped")
    @Revision("2")
    record ParcelShipped(String parcelId, String carrier) {
    }

    /** The new name: the type changes, the payload does not. */
    static class ParcelSentIsNowParcelShipped extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().getName().equals("example.ParcelSent");
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType("example.ParcelShipped", event.getType().getRevision()),
                    byte[].class, Function.identity());
        }
    }

    /** The new shape: revision 1 to 2 renames courier to carrier in the JSON. */
    static class ParcelShippedCarrier extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().equals(new SimpleSerializedType("example.ParcelShipped", "1"));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType("example.ParcelShipped", "2"), ObjectNode.class, json -> {
                json.set("carrier", json.remove("courier"));
                return json;
            });
        }
    }

    private final LogicalTypeSerializer serializer = new LogicalTypeSerializer(JacksonSerializer.builder(),
            new EventTypes(List.of(ParcelShipped.class)));
    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new LegacyTypeNames(), new ParcelSentIsNowParcelShipped(), new ParcelShippedCarrier());

    @Test
    void anEventRenamedAndReshapedReadsTheSameWhicheverWayItWasStored() {
        List<Object> read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                        stored(0, "io.collectionsledger.contracts.example.ParcelSent", "1", "{\"parcelId\":\"PX-1\",\"courier\":\"EMS\"}"),
                        stored(1, "example.ParcelSent", "1", "{\"parcelId\":\"PX-1\",\"courier\":\"EMS\"}"),
                        stored(2, "example.ParcelShipped", "1", "{\"parcelId\":\"PX-1\",\"courier\":\"EMS\"}"),
                        stored(3, "example.ParcelShipped", "2", "{\"parcelId\":\"PX-1\",\"carrier\":\"EMS\"}")),
                serializer, upcasters).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();

        assertThat(read).containsOnly(new ParcelShipped("PX-1", "EMS")).hasSize(4);
    }

    @Test
    void aNewEventIsStoredUnderItsNameAndNewestRevision() {
        var stored = serializer.serialize(new ParcelShipped("PX-2", "SF"), byte[].class).getType();

        assertThat(stored).isEqualTo(new SimpleSerializedType("example.ParcelShipped", "2"));
    }

    private static GenericDomainEventEntry<byte[]> stored(long sequence, String type, String revision, String json) {
        return new GenericDomainEventEntry<>("CustomerAccount", "CUST-1", sequence, "e-" + sequence, "2026-11-02T02:00:00Z",
                type, revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
