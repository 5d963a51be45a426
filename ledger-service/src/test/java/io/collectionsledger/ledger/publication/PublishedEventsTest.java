package io.collectionsledger.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.receivable.Allocation;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.journal.EventTypes;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedEventsTest {

    private final PublishedEvents publishedEvents = new PublishedEvents(new EventTypes(List.of(PaymentRecorded.class)));

    private static GenericTrackedDomainEventMessage<PaymentRecorded> recorded(Money amount) {
        PaymentRecorded payment = new PaymentRecorded("C-1", "P-1", LocalDate.parse("2026-11-20"), amount, RecordPayment.Method.BANK_TRANSFER,
                "ref", List.of(), Money.zero("CNY"));
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(42, Set.of()),
                new GenericDomainEventMessage<>("CustomerAccount", "C-1", 7, payment,
                        MetaData.from(Map.of("correlationId", "corr-1", "commandId", "cmd-1", "clientId", "billing", "principal", "ann")),
                        "event-1", Instant.parse("2026-11-24T02:00:00.123Z")));
    }

    @Test
    void amountsArePublishedAsStringsThatKeepEveryDigit() throws Exception {
        PublishedEvent event = publishedEvents.of(recorded(Money.of("999999999999999.99", "CNY")));

        JsonNode body = new ObjectMapper().readTree(PublishedEvents.body(event));
        assertThat(body.path("amount").path("amount").isTextual()).isTrue();
        assertThat(body.path("amount").path("amount").asText()).isEqualTo("999999999999999.99");
        assertThat(body.path("unapplied").path("amount").asText()).isEqualTo("0.00");
        assertThat(body.path("occurredOn").asText()).isEqualTo("2026-11-20");
        assertThat(body.has("allocations")).isTrue();
    }

    @Test
    void theMessageSaysWhatTheEventIsAndWhereItStandsInTheLedger() {
        PublishedEvent event = publishedEvents.of(recorded(Money.of("100.00", "CNY")));
        Message message = event.toMessage(PublishedEvents.body(event));

        assertThat(event.routingKey()).isEqualTo("payment.PaymentRecorded");
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo("event-1");
        assertThat(message.getMessageProperties().getType()).isEqualTo("payment.PaymentRecorded");
        assertThat(message.getMessageProperties().getCorrelationId()).isEqualTo("corr-1");
        assertThat(message.getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().getHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "type", "payment.PaymentRecorded", "revision", "1", "customerId", "C-1", "sequence", 7L, "globalIndex", 42L,
                "occurredOn", "2026-11-20", "recordedAt", "2026-11-24T02:00:00.123Z", "correlationId", "corr-1",
                "commandId", "cmd-1", "clientId", "billing"));
    }
}
