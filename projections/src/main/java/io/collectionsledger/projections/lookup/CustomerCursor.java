package io.collectionsledger.projections.lookup;

import io.collectionsledger.contracts.lookup.CustomersQuery.CustomerOrder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of customers ends, as the next page's {@code after}: the order's key of the last
 * customer shown (its name, or its open amount) and its id, so that the next page starts after it
 * however many customers were registered meanwhile. Opaque to clients: base64url of the two.
 *
 * @param name   the key when the order is by name
 * @param amount the key when the order is by open amount
 */
public record CustomerCursor(String name, BigDecimal amount, String customerId) {

    private static final char SEPARATOR = '\n';

    /** The cursor a client sent, empty when it is not one this order writes. */
    public static Optional<CustomerCursor> read(String text, CustomerOrder order) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int split = decoded.lastIndexOf(SEPARATOR);
        if (split < 0 || split == decoded.length() - 1) {
            return Optional.empty();
        }
        String key = decoded.substring(0, split);
        String customerId = decoded.substring(split + 1);
        if (order == CustomerOrder.NAME) {
            return Optional.of(new CustomerCursor(key, null, customerId));
        }
        try {
            return Optional.of(new CustomerCursor(null, new BigDecimal(key), customerId));
        } catch (NumberFormatException notAnAmount) {
            return Optional.empty();
        }
    }

    String write() {
        String key = name != null ? name : amount.toPlainString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + SEPARATOR + customerId).getBytes(StandardCharsets.UTF_8));
    }
}
