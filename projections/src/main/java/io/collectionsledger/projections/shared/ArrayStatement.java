package io.collectionsledger.projections.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement that writes all the rows of a batch at once: each parameter becomes one array holding
 * that parameter of every row, bound once as text and unnested in the database. The database then
 * parses and plans one statement for the batch rather than one per row, and the service formats
 * each value once instead of binding it row by row. Each value is sent as text and cast to its
 * parameter's type, which reads it as the driver's own text encoding would have it read.
 * <ul>
 *     <li>{@link #rewrite}: an insert of one row from {@code values (...)} becomes
 *     {@code insert into t (a, b) select cast(r.p1 as text), lower(cast(r.p2 as text)) from unnest(?, ?) as r (p1, p2)};
 *     an insert from values reads nothing the batch writes, so its rows do not depend on each
 *     other, and they go in the order they were added.</li>
 *     <li>{@link #overInput}: a statement that reads its rows from a table {@code input}, declared by the read model.</li>
 * </ul>
 */
final class ArrayStatement {

    private static final Pattern INSERT_VALUES = Pattern.compile(
            "\\s*insert\\s+into\\s+([\\w.]+)\\s*\\(([^()]*)\\)\\s*values\\s*\\((.*)\\)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String sql;
    private final List<String> types;

    private ArrayStatement(String sql, List<String> types) {
        this.sql = sql;
        this.types = types;
    }

    /**
     * The statement rewritten for arrays, given its parameters' types as the database names them
     * ({@code numeric}, {@code timestamptz}, {@code _text}); empty when it is not an insert of one
     * row from values (an upsert, an insert from a select, an update), whose rows may depend on
     * each other, or when a type is one this class does not format.
     */
    static Optional<ArrayStatement> rewrite(String sql, List<String> types) {
        Matcher insert = INSERT_VALUES.matcher(sql);
        if (!insert.matches() || !oneTuple(insert.group(3)) || types.isEmpty() || !types.stream().allMatch(ArrayStatement::formatted)) {
            return Optional.empty();
        }
        StringBuilder select = new StringBuilder();
        int parameter = 0;
        boolean quoted = false;
        for (char c : insert.group(3).toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                if (parameter == types.size()) {
                    return Optional.empty();
                }
                select.append("cast(r.p").append(parameter + 1).append(" as ").append(types.get(parameter)).append(')');
                parameter++;
            } else {
                select.append(c);
            }
        }
        if (parameter != types.size()) {
            return Optional.empty();
        }
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int p = 1; p <= parameter; p++) {
            arrays.append(p == 1 ? "" : ", ").append("cast(? as text[])");
            names.append(p == 1 ? "" : ", ").append('p').append(p);
        }
        return Optional.of(new ArrayStatement("insert into " + insert.group(1) + " (" + insert.group(2) + ") select " + select
                + " from unnest(" + arrays + ") as r (" + names + ")", types));
    }

    /**
     * A statement reading the rows of a batch as the table {@code input}, with these columns, each a
     * name and a type as {@link #rewrite} takes them ({@code customer_id text}, in the order of the
     * rows' values), and {@code row_number}, the row's place in the order rows were added.
     */
    static ArrayStatement overInput(String sql, List<String> columns) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String column : columns) {
            String[] nameAndType = column.trim().split("\\s+");
            if (nameAndType.length != 2 || !formatted(nameAndType[1])) {
                throw new IllegalArgumentException("not a column of a name and a type written from text: " + column);
            }
            names.add(nameAndType[0]);
            types.add(nameAndType[1]);
        }
        StringBuilder input = new StringBuilder("with input as (select ");
        StringBuilder arrays = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (int p = 1; p <= names.size(); p++) {
            String separator = p == 1 ? "" : ", ";
            input.append(separator).append("cast(r.p").append(p).append(" as ").append(types.get(p - 1)).append(") as ").append(names.get(p - 1));
            arrays.append(separator).append("cast(? as text[])");
            aliases.append(separator).append('p').append(p);
        }
        input.append(", r.row_number from unnest(").append(arrays).append(") with ordinality as r (").append(aliases).append(", row_number))");
        String statement = sql.strip();
        return new ArrayStatement(statement.regionMatches(true, 0, "with ", 0, 5)
                ? input + ", " + statement.substring(5)
                : input + " " + statement, types);
    }

    /** The values are one row's: no parenthesis closes before its own opens (as in {@code ...) on conflict (...}). */
    private static boolean oneTuple(String values) {
        int depth = 0;
        for (char c : values.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean formatted(String type) {
        return switch (type) {
            case "text", "varchar", "bpchar", "numeric", "int2", "int4", "int8", "bool", "date", "timestamptz", "jsonb", "uuid", "_text" -> true;
            default -> false;
        };
    }

    String sql() {
        return sql;
    }

    /**
     * One array literal per parameter holding that parameter of every row, or empty when a value
     * is of a Java type this class does not format (the caller then writes the rows one by one).
     */
    Optional<Object[]> arrays(List<Object[]> rows) {
        Object[] arrays = new Object[types.size()];
        StringBuilder literal = new StringBuilder();
        for (int p = 0; p < types.size(); p++) {
            literal.setLength(0);
            literal.append('{');
            for (int row = 0; row < rows.size(); row++) {
                if (row > 0) {
                    literal.append(',');
                }
                Object value = rows.get(row)[p];
                if (value == null) {
                    literal.append("NULL");
                    continue;
                }
                String text = text(value, types.get(p));
                if (text == null) {
                    return Optional.empty();
                }
                element(literal, text);
            }
            arrays[p] = literal.append('}').toString();
        }
        return Optional.of(arrays);
    }

    /** A value as the database reads its type from text, or null when this class does not know how. */
    private static String text(Object value, String type) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Boolean
                || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof LocalDate date) {
            // beyond four-digit years the ISO form (+10000-01-01) is not the database's
            return date.getYear() >= 1 && date.getYear() <= 9999 ? date.toString() : null;
        }
        if (type.equals("timestamptz")) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof Instant || value instanceof OffsetDateTime) {
                return value.toString();
            }
        }
        if (type.equals("_text")) {
            Collection<?> elements = value instanceof Object[] array ? Arrays.asList(array) : value instanceof Collection<?> collection ? collection : null;
            if (elements == null) {
                return null;
            }
            StringBuilder inner = new StringBuilder("{");
            for (Object element : elements) {
                if (inner.length() > 1) {
                    inner.append(',');
                }
                if (!(element instanceof String string)) {
                    return null;
                }
                element(inner, string);
            }
            return inner.append('}').toString();
        }
        return null;
    }

    /** An element of an array literal, quoted, so that commas, braces, quotes and the word NULL stay text. */
    private static void element(StringBuilder literal, String text) {
        literal.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
        }
        literal.append('"');
    }
}
