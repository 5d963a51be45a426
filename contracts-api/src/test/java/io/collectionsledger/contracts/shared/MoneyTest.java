package io.collectionsledger.contracts.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An amount is refused for its decimals or its size however its digits or its exponent are written, and says so briefly. */
class MoneyTest {

    @Test
    void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedWithoutSpellingOutAHugeExponent() {
        assertThatThrownBy(() -> Money.of("100.000000000000001", "CNY")).isInstanceOfSatisfying(InvalidValue.class, e ->
                assertThat(e.reason()).isEqualTo("CNY has 2 decimal places; 100.000000000000001 has more"));
        assertThatThrownBy(() -> Money.of("1E-999999999", "CNY")).isInstanceOfSatisfying(InvalidValue.class, e ->
                assertThat(e.reason()).isEqualTo("CNY has 2 decimal places; 1E-999999999 has more"));
        assertThatThrownBy(() -> Money.of("1E+999999999", "CNY")).isInstanceOfSatisfying(InvalidValue.class, e ->
                assertThat(e.reason()).isEqualTo("must be below 10^15"));
    }

    @Test
    void aZeroWrittenWithAHugeExponentIsZero() {
        assertThat(Money.of("0E-999999999", "CNY").amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.of("99999999999999.99", "CNY").amount().toPlainString()).isEqualTo("99999999999999.99");
    }

    @Test
    void aDecimalThatIsNotMoneyIsBoundedInDecimalsAsWrittenAndInSize() {
        assertThat(Require.optionalDecimal(new BigDecimal("0.0500000000"), "rate", 10)).isEqualByComparingTo("0.05");
        assertThat(Require.optionalDecimal(null, "rate", 10)).isNull();
        for (String refused : new String[]{"0.00000000001", "1E-999999999", "0E-999999999", "1E+15", "-1E+400"}) {
            assertThatThrownBy(() -> Require.optionalDecimal(new BigDecimal(refused), "rate", 10)).as(refused)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("rate"));
        }
    }
}
