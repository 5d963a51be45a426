package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Capital numerals on known values, as a Chinese bank or court reads them. */
class ChineseCapitalAmountTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0, 零元整",
            "0.00, 零元整",
            "0.05, 伍分",
            "0.50, 伍角",
            "0.56, 伍角陆分",
            "1, 壹元整",
            "10, 壹拾元整",
            "15, 壹拾伍元整",
            "100.10, 壹佰元壹角",
            "105.05, 壹佰零伍元零伍分",
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            "10005.05, 壹万零伍元零伍分",
            "100000, 壹拾万元整",
            "125000, 壹拾贰万伍仟元整",
            "1000001, 壹佰万零壹元整",
            "1010000, 壹佰零壹万元整",
            "10000000, 壹仟万元整",
            "100000000, 壹亿元整",
            "100010000, 壹亿零壹万元整",
            "100000001.01, 壹亿零壹元零壹分",
            "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "1000000000000, 壹万亿元整",
            "1000000000001, 壹万亿零壹元整",
            "1000100000000, 壹万零壹亿元整",
            "999999999999999.99, 玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "-10.20, 负壹拾元贰角"})
    void numeralsOfKnownValues(String amount, String expected) {
        assertThat(ChineseCapitalAmount.numerals(new BigDecimal(amount))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "125000.00, CNY, 人民币壹拾贰万伍仟元整",
            "10005.05, USD, 美元壹万零伍元零伍分",
            "10, CHF, CHF壹拾元整"})
    void theCurrencyIsNamedFirst(String amount, String currency, String expected) {
        assertThat(ChineseCapitalAmount.of(Money.of(amount, currency))).isEqualTo(expected);
    }
}
