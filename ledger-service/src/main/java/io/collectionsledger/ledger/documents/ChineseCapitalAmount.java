package io.collectionsledger.ledger.documents;

import io.collectionsledger.contracts.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * An amount in Chinese capital numerals (大写金额), as Chinese commercial documents state it
 * beside the figures so that no digit can be altered: 125,000.00 CNY is 人民币壹拾贰万伍仟元整.
 * The rules are those of the PBOC's payment and settlement measures (支付结算办法): 元 then 整
 * when nothing follows the yuan; 角 and 分 as written, with 零 for an empty 角 before 分; one 零
 * for a run of zeros between digits, including across 万 and 亿; 拾 written with its 壹 (壹拾).
 */
final class ChineseCapitalAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] WITHIN_GROUP = {"", "拾", "佰", "仟"};
    /** Groups of four digits: units, 万 (10^4), 亿 (10^8), and 万 again for the 万亿 (10^12), whose 亿 follows the 亿 group. */
    private static final String[] GROUPS = {"", "万", "亿", "万"};

    /** The currencies whose Chinese name the documents write; any other is written by its ISO code. */
    private static final Map<String, String> CURRENCY_NAMES = Map.of(
            "CNY", "人民币", "USD", "美元", "EUR", "欧元", "HKD", "港币", "JPY", "日元", "GBP", "英镑");

    private ChineseCapitalAmount() {
    }

    /** The amount with its currency's name, e.g. 人民币壹万零伍元零伍分. */
    static String of(Money money) {
        return CURRENCY_NAMES.getOrDefault(money.currency(), money.currency()) + numerals(money.amount());
    }

    /** The numerals alone: 壹拾贰万伍仟元整; a negative amount starts with 负. Amounts below 10^16. */
    static String numerals(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "负" + numerals(amount.negate());
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        String integral = cents.toBigInteger().toString();
        int jiao = cents.movePointRight(1).remainder(BigDecimal.TEN).intValue();
        int fen = cents.movePointRight(2).remainder(BigDecimal.TEN).intValue();
        if (integral.length() > 16) {
            throw new IllegalArgumentException("amount too large for capital numerals: " + amount.toPlainString());
        }
        StringBuilder words = new StringBuilder();
        boolean hasYuan = !integral.equals("0");
        if (hasYuan) {
            words.append(integralPart(integral)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return words.length() == 0 ? "零元整" : words.append('整').toString();
        }
        if (jiao > 0) {
            words.append(DIGITS[jiao]).append('角');
        } else if (hasYuan) {
            words.append('零');
        }
        if (fen > 0) {
            words.append(DIGITS[fen]).append('分');
        }
        return words.toString();
    }

    /** The yuan, read four digits at a time from the highest group; a zero run inside or between groups is one 零. */
    private static String integralPart(String digits) {
        StringBuilder words = new StringBuilder();
        boolean zeroPending = false;
        int length = digits.length();
        for (int i = 0; i < length; i++) {
            int digit = digits.charAt(i) - '0';
            int position = length - 1 - i;
            int inGroup = position % 4;
            if (digit == 0) {
                zeroPending = words.length() > 0;
            } else {
                if (zeroPending) {
                    words.append('零');
                    zeroPending = false;
                }
                words.append(DIGITS[digit]).append(WITHIN_GROUP[inGroup]);
            }
            if (inGroup == 0 && position > 0) {
                boolean groupIsZero = Long.parseLong(digits.substring(Math.max(0, i - 3), i + 1)) == 0;
                // 壹万亿: the 亿 stands even when its own group is empty, once anything above it is not
                boolean aboveIsZero = position != 8 || i < 4 || Long.parseLong(digits.substring(0, i - 3)) == 0;
                if (!groupIsZero || !aboveIsZero) {
                    words.append(GROUPS[position / 4]);
                }
            }
        }
        return words.toString();
    }
}
