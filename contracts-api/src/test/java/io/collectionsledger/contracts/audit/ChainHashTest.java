package io.collectionsledger.contracts.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain's canonical form is a published format: anyone may recompute it from its
 * documentation. The expected hashes here were computed apart from this code (Python's hashlib
 * over the documented encoding), so a change to the format breaks this test, not just old chains.
 */
class ChainHashTest {

    private static final StoredEvent PAYMENT = new StoredEvent(7, "e-7", "CustomerAccount", "CUST-1", 2, "2026-05-01T02:00:00Z",
            "io.collectionsledger.contracts.payment.PaymentRecorded", "1",
            "{\"customerId\":\"CUST-1\",\"note\":\"收款\"}".getBytes(StandardCharsets.UTF_8), null);

    @Test
    void theHashIsSha256OfThePreviousHashAndTheDocumentedCanonicalForm() {
        assertThat(ChainHash.next(ChainHash.GENESIS, PAYMENT)).isEqualTo("9345f7c943ac654d15b0f023ac20b4d1bffc2b7f5a3fca2091ede6b36773fe48");
    }

    @Test
    void eachHashDependsOnTheOneBeforeAndNullDiffersFromEmpty() {
        StoredEvent next = new StoredEvent(8, "e-7", "CustomerAccount", "CUST-1", 2, "2026-05-01T02:00:00Z",
                "io.collectionsledger.contracts.payment.PaymentRecorded", null, PAYMENT.payload(), new byte[0]);

        assertThat(ChainHash.next("9345f7c943ac654d15b0f023ac20b4d1bffc2b7f5a3fca2091ede6b36773fe48", next))
                .isEqualTo("130f5ca16b2fa57aba4f575cb050e34b066fa023c3868e113fb6a68d88f280f6");
    }

    @Test
    void anEventMovedToAnotherPlaceNoLongerHashesTheSame() {
        assertThat(ChainHash.next(ChainHash.GENESIS, PAYMENT.at(8))).isNotEqualTo(ChainHash.next(ChainHash.GENESIS, PAYMENT));
    }

    @Test
    void aJournalLineCarriesTheStoredBytesThere() {
        JournalLine line = JournalLine.of(PAYMENT, 6L, "ab".repeat(32));

        assertThat(ChainHash.canonical(line.event())).isEqualTo(ChainHash.canonical(PAYMENT));
    }

    @Test
    void anEventStoredUnderItsClassNameHasTheLogicalTypeOfThatNameWithoutThePackageOfThePublishedLanguage() {
        assertThat(PAYMENT.logicalType()).isEqualTo("payment.PaymentRecorded");
        assertThat(StoredEvent.logicalType("payment.PaymentRecorded")).isEqualTo("payment.PaymentRecorded");
        assertThat(StoredEvent.logicalType("org.axonframework.eventhandling.GlobalSequenceTrackingToken"))
                .isEqualTo("org.axonframework.eventhandling.GlobalSequenceTrackingToken");
        assertThat(StoredEvent.storedTypes("payment.PaymentRecorded"))
                .containsExactly("payment.PaymentRecorded", "io.collectionsledger.contracts.payment.PaymentRecorded");
    }

    @Test
    void aJournalLineKeepsTheStoredTypeThatIsHashedWithTheLogicalTypeBesideIt() {
        JournalLine line = JournalLine.of(PAYMENT, 6L, "ab".repeat(32));

        assertThat(line.type()).isEqualTo("io.collectionsledger.contracts.payment.PaymentRecorded");
        assertThat(line.logicalType()).isEqualTo("payment.PaymentRecorded");
    }

    @Test
    void aDigestReadsPositionColonHash() {
        ChainDigest digest = ChainDigest.parse("42:" + "0a".repeat(32));

        assertThat(digest.position()).isEqualTo(42);
        assertThat(digest).hasToString("42:" + "0a".repeat(32));
        assertThatThrownBy(() -> ChainDigest.parse("42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainDigest.parse("42:" + "0A".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainDigest.parse("-1:" + "0a".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }
}
