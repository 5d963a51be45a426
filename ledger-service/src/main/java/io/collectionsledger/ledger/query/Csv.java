package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Money;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV exports of what a read model shows (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
 * programs read Chinese names right). Money is written as amount and currency in two columns.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    public static void write(HttpServletResponse response, String filename, List<String> header, Stream<List<?>> rows) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.write(line(header));
        rows.forEach(row -> out.write(line(row)));
        out.flush();
    }

    private static String line(List<?> values) {
        return values.stream().flatMap(Csv::cells).map(Csv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static Stream<String> cells(Object value) {
        if (value instanceof Money money) {
            return Stream.of(money.amount().toPlainString(), money.currency());
        }
        if (value instanceof BigDecimal decimal) {
            return Stream.of(decimal.toPlainString());
        }
        return Stream.of(value == null ? "" : value.toString());
    }

    /** Quotes what needs it, and defuses cells a spreadsheet would run as a formula. */
    private static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?") ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
