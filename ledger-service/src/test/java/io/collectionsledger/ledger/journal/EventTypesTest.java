package io.collectionsledger.ledger.journal;

import io.collectionsledger.contracts.contract.ContractRecorded;
import io.collectionsledger.contracts.payment.PaymentRecorded;
import io.collectionsledger.contracts.payment.RecordPayment;
import io.collectionsledger.contracts.shared.EventType;
import io.collectionsledger.contracts.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    /**
     * Every logical type name ever stored. A name, once stored, never changes (a record may move or
     * be renamed and keep it); a new event adds its name here. The first 39 are the class names the
     * events were stored under before issue 14, less io.collectionsledger.contracts.
     */
    private static final List<String> STORED_NAMES = List.of(
            "collection.CollectorAssigned", "collection.ContactAttemptLogged", "collection.CreditLimitRaised",
            "collection.CreditLimitSet", "collection.EarlyWarningFlagged", "collection.ReceivableClassified",
            "collection.SupplyResumed", "collection.SupplySuspended", "contract.ContractRecorded", "customer.CustomerRegistered",
            "delivery.DeliveryCorrected", "delivery.DeliveryRecorded", "dispute.DisputeRaised", "dispute.DisputeResolved",
            "dunning.DunningLetterDelivered", "dunning.DunningLetterSent", "litigation.LawsuitFiled", "litigation.LegalStepRecorded",
            "payment.PaymentRecorded", "payment.PaymentReversed", "payment.UnappliedCreditApplied", "payment.UnappliedCreditRefunded",
            "promise.PaymentPlanAgreed", "promise.PaymentPromiseBroken", "promise.PaymentPromiseKept",
            "promise.PaymentPromiseOutcomeCorrected", "promise.PaymentPromisePartiallyKept", "promise.PaymentPromiseRecorded",
            "receivable.CreditNoteIssued", "receivable.InvoiceIssued", "reconciliation.ReconciliationStatementConfirmed",
            "security.AssetLeadRecorded", "security.GuaranteeRecorded", "time.CollectionStageReached", "time.LateFeesAccrued", "time.LateFeesCorrected",
            "time.OrdersHeld", "time.OrdersReleased", "writeoff.ReceivableWrittenOff", "writeoff.RecoveryAfterWriteOffRecorded",
            "customer.ResponsiblePersonChanged", "customer.CorrespondenceAddressRecorded", "party.LedgerPartyRecorded",
            "policy.LegalLateFeeCapChanged");

    private static final PaymentRecorded PAYMENT = new PaymentRecorded("CUST-1", "P-1", LocalDate.parse("2026-11-02"),
            Money.of("50.00", "CNY"), RecordPayment.Method.BANK_TRANSFER, "wire 1", List.of(), Money.of("50.00", "CNY"));

    private final EventTypes eventTypes = new EventTypes();
    private final LogicalTypeSerializer serializer = new LogicalTypeSerializer(JacksonSerializer.builder(), eventTypes);

    @Test
    void everyAccountEventHasTheLogicalNameItWasFirstStoredUnder() {
        assertThat(eventTypes.names()).containsExactlyInAnyOrderElementsOf(STORED_NAMES);
        assertThat(eventTypes.nameOf(PaymentRecorded.class)).isEqualTo("payment.PaymentRecorded");
        assertThat(eventTypes.classOf("contract.ContractRecorded")).isEqualTo(ContractRecorded.class);
    }

    @Test
    void aNameIsFoundByItselfOrByTheEventNameAlone() {
        assertThat(eventTypes.named("payment.PaymentRecorded")).contains("payment.PaymentRecorded");
        assertThat(eventTypes.named("PaymentRecorded")).contains("payment.PaymentRecorded");
        assertThat(eventTypes.named("PaymentMade")).isEmpty();
        assertThat(eventTypes.named("io.collectionsledger.contracts.payment.PaymentRecorded")).isEmpty();
    }

    @EventType("payment.PaymentRecorded")
    record Taken() {
    }

    record Unnamed() {
    }

    @Test
    void anEventWithoutANameWithAMalformedOneOrOneTakenTwiceStopsTheStart() {
        assertThatThrownBy(() -> new EventTypes(List.of(Unnamed.class))).hasMessageContaining("has no @EventType");
        assertThatThrownBy(() -> new EventTypes(List.of(PaymentRecorded.class, Taken.class))).hasMessageContaining("are both named");
        @EventType("Payment.recorded")
        record Malformed() {
        }
        assertThatThrownBy(() -> new EventTypes(List.of(Malformed.class))).hasMessageContaining("does not read <concept>.<EventName>");
    }

    @Test
    void theSerializerStoresAnEventUnderItsLogicalNameAndReadsItBack() {
        SerializedObject<byte[]> stored = serializer.serialize(PAYMENT, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("payment.PaymentRecorded");
        assertThat(stored.getType().getRevision()).isEqualTo(PaymentRecorded.class.getAnnotation(Revision.class).value());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(PAYMENT);
    }

    @Test
    void tokensAndOtherMessagesKeepTheirClassNames() {
        assertThat(serializer.serialize(new GlobalSequenceTrackingToken(7), byte[].class).getType().getName())
                .isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat(serializer.serialize(Money.of("1.00", "CNY"), byte[].class).getType().getName()).isEqualTo(Money.class.getName());
    }

    @Test
    void anEventStoredUnderItsClassNameBeforeLogicalNamesLoadsThroughTheChainThatRenamesIt() {
        byte[] payload = serializer.serialize(PAYMENT, byte[].class).getData();
        byte[] metaData = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        GenericDomainEventEntry<byte[]> legacy = new GenericDomainEventEntry<>("CustomerAccount", "CUST-1", 3, "e-1",
                "2026-11-02T02:00:00Z", PaymentRecorded.class.getName(), "1", payload, metaData);
        GenericDomainEventEntry<byte[]> current = new GenericDomainEventEntry<>("CustomerAccount", "CUST-1", 4, "e-2",
                "2026-11-02T02:00:01Z", "payment.PaymentRecorded", "1", payload, metaData);

        List<Object> read = EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(legacy, current), serializer,
                new EventUpcasterChain(new LegacyTypeNames())).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();

        assertThat(read).containsExactly(PAYMENT, PAYMENT);
    }
}
