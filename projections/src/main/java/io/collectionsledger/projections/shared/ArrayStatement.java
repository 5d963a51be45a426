package io.collectionsledger.projections.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *     other, and they go in the order they were added. Upserts and updates of one row by its key
 *     likewise, a round of rows at a time.</li>
 *     <li>{@link #overInput}: a statement that reads its rows from a table {@code input}, declared by the read model.</li>
 * </ul>
 */
final class ArrayStatement {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern INSERT = Pattern.compile("\\s*insert\\s+into\\s+([\\w.]+(?:\\s+as\\s+\\w+)?)\\s*\\(([^()]*)\\)\\s*(values\\s*\\(|select\\s)(.*)", CI);
    private static final Pattern CONFLICT = Pattern.compile("\\s*(?:on\\s+conflict\\s*(?:\\(([^()]*)\\))?\\s*do\\s+(nothing|update\\s.*))?\\s*", CI);
    private static final Pattern ON_CONFLICT = Pattern.compile("\\bon\\s+conflict\\b", CI);
    private static final Pattern FROM_A_TABLE = Pattern.compile("\\b(from|where|union|group|order|limit)\\b", CI);
    private static final Pattern UPDATE = Pattern.compile("\\s*update\\s+([\\w.]+)\\s+set\\s(.*)\\swhere\\s(.*)", CI);
    private static final Pattern KEY_EQUALS = Pattern.compile("\\s*[\\w.]+\\s*=\\s*\\?\\s*", CI);

    private final String sql;
    private final List<String> types;
    /** The parameters that say which row of the table a row writes (an upsert's conflict key, an update's where), or none. */
    private final List<Integer> keys;

    private ArrayStatement(String sql, List<String> types, List<Integer> keys) {
        this.sql = sql;
        this.types = types;
        this.keys = keys;
    }

    /**
     * The statement rewritten for arrays, given its parameters' types as the database names them
     * ({@code numeric}, {@code timestamptz}, {@code _text}); empty when it is none of these, or when
     * a type is one this class does not format:
     * <ul>
     *     <li>an insert of one row, from {@code values (...)} or {@code select ...} without a table,
     *     with or without {@code on conflict do nothing};</li>
     *     <li>an upsert of one row, {@code on conflict (key) do update}, whose key columns each come
     *     from at most one parameter, and whose update takes no parameter;</li>
     *     <li>an update whose where clause is {@code column = ?} and nothing else.</li>
     * </ul>
     * An upsert's or an update's rows are written in rounds ({@link #rounds}): those of the
     * same key each in a later statement, so that no statement writes a row twice and a row's
     * changes come in the order they were added, as they would one by one.
     */
    static Optional<ArrayStatement> rewrite(String sql, List<String> types) {
        if (types.isEmpty() || !types.stream().allMatch(ArrayStatement::formatted)) {
            return Optional.empty();
        }
        Matcher insert = INSERT.matcher(sql);
        if (insert.matches()) {
            return insert(insert, types);
        }
        Matcher update = UPDATE.matcher(sql);
        if (update.matches()) {
            return update(update, types);
        }
        return Optional.empty();
    }

    private static Optional<ArrayStatement> insert(Matcher insert, List<String> types) {
        String body = insert.group(4);
        String expressions;
        String rest;
        if (insert.group(3).toLowerCase().startsWith("values")) {
            int close = closing(body);
            if (close < 0) {
                return Optional.empty();
            }
            expressions = body.substring(0, close);
            rest = body.substring(close + 1);
        } else {
            Matcher conflict = ON_CONFLICT.matcher(body);
            int end = conflict.find() ? conflict.start() : body.length();
            expressions = body.substring(0, end);
            rest = body.substring(end);
            if (FROM_A_TABLE.matcher(expressions).find()) {
                return Optional.empty();
            }
        }
        Matcher conflict = CONFLICT.matcher(rest);
        if (!conflict.matches() || parameters(rest) > 0) {
            return Optional.empty();
        }
        List<Integer> keys = new ArrayList<>();
        if (conflict.group(2) != null && conflict.group(2).toLowerCase().startsWith("update")) {
            if (conflict.group(1) == null) {
                return Optional.empty();
            }
            List<String> columns = Arrays.stream(insert.group(2).split(",")).map(column -> column.trim().toLowerCase()).toList();
            List<String> values = topLevel(expressions);
            if (values.size() != columns.size()) {
                return Optional.empty();
            }
            for (String key : conflict.group(1).split(",")) {
                int column = columns.indexOf(key.trim().toLowerCase());
                if (column < 0 || parameters(values.get(column)) > 1) {
                    return Optional.empty();
                }
                if (parameters(values.get(column)) == 1) {
                    keys.add(values.subList(0, column).stream().mapToInt(ArrayStatement::parameters).sum());
                }
            }
        }
        StringBuilder statement = new StringBuilder("insert into ").append(insert.group(1)).append(" (").append(insert.group(2)).append(") select ");
        if (substitute(expressions, 0, types, statement) != types.size()) {
            return Optional.empty();
        }
        return Optional.of(new ArrayStatement(statement.append(" from ").append(unnest(types.size())).append(rest).toString(), types, keys));
    }

    private static Optional<ArrayStatement> update(Matcher update, List<String> types) {
        String[] conditions = update.group(3).split("(?i)\\sand\\s");
        if (!Arrays.stream(conditions).allMatch(condition -> KEY_EQUALS.matcher(condition).matches())) {
            return Optional.empty();
        }
        StringBuilder statement = new StringBuilder("update ").append(update.group(1)).append(" set ");
        int set = substitute(update.group(2), 0, types, statement);
        statement.append(" from ").append(unnest(types.size())).append(" where ");
        if (set + substitute(update.group(3), set, types, statement) != types.size()) {
            return Optional.empty();
        }
        List<Integer> keys = new ArrayList<>();
        for (int key = set; key < types.size(); key++) {
            keys.add(key);
        }
        return Optional.of(new ArrayStatement(statement.toString(), types, keys));
    }

    /** Appends the text with each parameter, from the {@code first}, replaced by its column of the arrays; returns how many it replaced. */
    private static int substitute(String text, int first, List<String> types, StringBuilder out) {
        int parameter = first;
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                if (parameter == types.size()) {
                    return Integer.MAX_VALUE / 2;
                }
                out.append("cast(r.p").append(parameter + 1).append(" as ").append(types.get(parameter)).append(')');
                parameter++;
            } else {
                out.append(c);
            }
        }
        return parameter - first;
    }

    private static int parameters(String text) {
        int parameters = 0;
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            quoted ^= c == '\'';
            parameters += c == '?' && !quoted ? 1 : 0;
        }
        return parameters;
    }

    private static String unnest(int parameters) {
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int p = 1; p <= parameters; p++) {
            arrays.append(p == 1 ? "" : ", ").append("cast(? as text[])");
            names.append(p == 1 ? "" : ", ").append('p').append(p);
        }
        return "unnest(" + arrays + ") as r (" + names + ")";
    }

    /** Where the parenthesis the text is inside of closes, or -1 when a parenthesis closes without having opened. */
    private static int closing(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted ^= c == '\'';
            if (!quoted) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The text's comma-separated parts outside parentheses. */
    private static List<String> topLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The rows in statements that each write a row of the table at most once: all of them when the
     * statement has no key; otherwise a row of a key goes in the statement after the one holding the
     * key's row before it.
     */
    List<List<Object[]>> rounds(List<Object[]> rows) {
        if (keys.isEmpty()) {
            return List.of(rows);
        }
        List<List<Object[]>> rounds = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (Object[] row : rows) {
            List<Object> key = new ArrayList<>(keys.size());
            for (int parameter : keys) {
                key.add(row[parameter] instanceof BigDecimal number ? number.stripTrailingZeros() : row[parameter]);
            }
            int round = seen.merge(key, 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
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
                : input + " " + statement, types, List.of());
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
        // most text has nothing to escape: copied whole, not a character at a time (31 % of the service's CPU in a rebuild)
        if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
            literal.append(text).append('"');
            return;
        }
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
