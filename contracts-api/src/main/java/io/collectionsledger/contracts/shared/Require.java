package io.collectionsledger.contracts.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/** The checks every command applies to its fields; each failure names the field. */
public final class Require {

    /** Identifiers travel in URLs and logs: plain ASCII, no spaces, no path separators; at most this long. */
    private static final int ID_LENGTH = 64;
    /** Business dates outside this range are typing mistakes, not facts. */
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final BigDecimal DECIMAL_LIMIT = new BigDecimal("1000000000000000");

    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 4000;
    public static final int MAX_ITEMS = 1000;

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, "is required");
        }
        return value;
    }

    public static String id(String value, String field) {
        present(value, field);
        if (!isId(value)) {
            throw new InvalidValue(field, "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return value;
    }

    /**
     * [A-Za-z0-9][A-Za-z0-9._:-]{0,63}, checked by hand: every record of an id checks it, an event
     * each time a read model reads it, and a regular expression costs ten times as much.
     */
    private static boolean isId(String value) {
        if (value.isEmpty() || value.length() > ID_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidValue(field, "must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    /**
     * Free text is stored and shown to people and auditors as given, so it must not hide what it
     * says: no control characters, no bidirectional overrides, no zero-width characters, no
     * broken surrogate pairs.
     */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValue(field, "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidValue(field, "contains a broken surrogate pair");
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidValue(field, "contains a broken surrogate pair");
            }
            if (hidden(c)) {
                throw new InvalidValue(field, String.format("contains the invisible or control character U+%04X", (int) c));
            }
        }
        return value;
    }

    private static boolean hidden(char c) {
        if (c == '\n' || c == '\t' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c)
                || (c >= '\u200B' && c <= '\u200F')   // zero-width and directional marks
                || (c >= '\u202A' && c <= '\u202E')   // bidirectional embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')   // bidirectional isolates
                || c == '\uFEFF';
    }

    public static LocalDate date(LocalDate value, String field) {
        present(value, field);
        return optionalDate(value, field);
    }

    public static LocalDate optionalDate(LocalDate value, String field) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new InvalidValue(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    public static Money positive(Money value, String field) {
        present(value, field);
        if (value.signum() <= 0) {
            throw new InvalidValue(field, "must be greater than zero");
        }
        return value;
    }

    /**
     * A decimal a client gives that is not money (a rate, a ratio): at most {@code maxDecimals}
     * digits after the point as written, and below 10^15 in size, so that neither its digits nor
     * its exponent (1E-999999999, 1E+400) can make the arithmetic on it run away. Absent is allowed.
     */
    public static BigDecimal optionalDecimal(BigDecimal value, String field, int maxDecimals) {
        if (value == null) {
            return null;
        }
        if (value.scale() > maxDecimals) {
            throw new InvalidValue(field, "must have at most " + maxDecimals + " decimal places");
        }
        if (value.abs().compareTo(DECIMAL_LIMIT) >= 0) {
            throw new InvalidValue(field, "must be below 10^15");
        }
        return value;
    }

    /** An immutable copy; absent means empty, and no element may be missing. */
    public static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS) {
            throw new InvalidValue(field, "must have at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < values.size(); i++) {
            present(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    public static <T> List<T> nonEmptyList(List<T> values, String field) {
        List<T> copy = list(present(values, field), field);
        if (copy.isEmpty()) {
            throw new InvalidValue(field, "must not be empty");
        }
        return copy;
    }

    public static <T> void distinct(Collection<T> values, Function<T, ?> key, String field) {
        var seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                throw new InvalidValue(field, "contains " + key.apply(value) + " twice");
            }
        }
    }
}
