package io.collectionsledger.ledger.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.collectionsledger.contracts.shared.Money;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amounts leave as text, {@code {"amount": "125000.00", "currency": "CNY"}}, never as a JSON
 * number: a JavaScript client reads a number as a double, which holds no more than 2^53 exactly
 * (99999999999999.99 becomes 99999999999999.98), and no client should have to parse a number
 * exactly to get its money right. For every mapper that writes what clients read (answers,
 * problem details, published messages), registered with the REST mapper as a bean; never for the
 * storage mapper, whose bytes the hash chain covers.
 */
@Component
public class AmountsAsText extends SimpleModule {

    public AmountsAsText() {
        super(AmountsAsText.class.getSimpleName());
        addSerializer(Money.class, new MoneySerializer());
    }

    private static final class MoneySerializer extends StdSerializer<Money> {

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(money);
            json.writeStringField("amount", money.amount().toPlainString());
            json.writeStringField("currency", money.currency());
            json.writeEndObject();
        }
    }

    /**
     * A stored payload as read from its JSON (maps, lists, numbers and text), with the number of
     * every amount in it as text: an amount is stored as an object of exactly {@code amount} and
     * {@code currency}, as {@link Money} is. Read the payload with decimals exact
     * ({@code USE_BIG_DECIMAL_FOR_FLOATS}), or the text shows a double's digits.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> inPayload(Map<String, Object> payload) {
        return (Map<String, Object>) withTextAmounts(payload);
    }

    private static Object withTextAmounts(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, field) -> copy.put((String) key, withTextAmounts(field)));
            if (copy.size() == 2 && copy.get("amount") instanceof Number amount && copy.get("currency") instanceof String) {
                copy.put("amount", amount instanceof BigDecimal decimal ? decimal.toPlainString() : amount.toString());
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AmountsAsText::withTextAmounts).toList();
        }
        return value;
    }
}
