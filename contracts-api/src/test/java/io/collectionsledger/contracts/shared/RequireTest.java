package io.collectionsledger.contracts.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An id is 1 to 64 plain ASCII letters, digits and . _ : -, starting with a letter or digit; a currency is three capitals. */
class RequireTest {

    @Test
    void anIdIsPlainAsciiStartingWithALetterOrDigitAtMost64Long() {
        for (String id : new String[]{"A", "7", "INV-2026.001", "erp:batch_7-a", "a".repeat(64), "Z9._:-"}) {
            assertThat(Require.id(id, "id")).isEqualTo(id);
        }
    }

    @Test
    void anIdWithAnythingElseIsRefused() {
        for (String id : new String[]{"", ".a", "-a", "_a", ":a", "a".repeat(65), "a b", "a/b", "a\\b", "a?b", "ä", "a\n", "ＡＢ", "a\u0000"}) {
            assertThatThrownBy(() -> Require.id(id, "id")).as(id).isInstanceOfSatisfying(InvalidValue.class, e ->
                    assertThat(e.reason()).startsWith("must be 1 to 64 characters"));
        }
    }

    @Test
    void aCurrencyIsThreeCapitalsOfAnIsoCurrency() {
        assertThat(Money.of("1.00", "CNY").currency()).isEqualTo("CNY");
        for (String code : new String[]{"cny", "CN", "CNYY", "C1Y", "CN ", "ＣＮＹ", ""}) {
            assertThatThrownBy(() -> Money.of("1", code)).as(code).isInstanceOfSatisfying(InvalidValue.class, e ->
                    assertThat(e.reason()).isEqualTo("must be an ISO 4217 code such as CNY or EUR"));
        }
    }
}
