package io.collectionsledger.ledger.query;

import io.collectionsledger.contracts.shared.Money;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report answered as CSV, for a client that accepts {@code text/csv} from a handler that produces
 * it: RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese names right, as
 * a file to save. How each answer type is laid out is its {@link Export}, kept beside its handler;
 * money is written as amount and currency in two columns.
 */
@Component
class Csv extends AbstractHttpMessageConverter<Object> {

    static final String MEDIA_TYPE = "text/csv";

    private static final Map<Class<?>, Export<?>> EXPORTS = Stream.of(AgingController.CSV, CreditDecisionController.CSV,
                    EvidenceChecklistController.CSV, PromiseWatchlistController.DUE_CSV, PromiseWatchlistController.BREACHES_CSV,
                    PromiseWatchlistController.RATES_CSV, WorklistController.CSV, PortfolioMetricsController.CSV,
                    LookupController.CUSTOMERS_CSV, LookupController.RECORDS_CSV)
            .collect(Collectors.toMap(Export::answer, Function.identity()));

    /**
     * How an answer is written as CSV.
     *
     * @param filename the name of the file it is saved as
     * @param header   the first line
     * @param rows     the lines that follow, each with the header's columns (money counts for two)
     */
    record Export<R>(Class<R> answer, Function<R, String> filename, Function<R, List<String>> header,
                     Function<R, Stream<? extends List<?>>> rows) {
    }

    Csv() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(MEDIA_TYPE));
    }

    static boolean exports(Class<?> answer) {
        return EXPORTS.containsKey(answer);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return exports(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    protected void writeInternal(Object answer, HttpOutputMessage output) throws IOException {
        write(EXPORTS.get(answer.getClass()), answer, output);
    }

    private static <R> void write(Export<R> export, Object answer, HttpOutputMessage output) throws IOException {
        R report = export.answer().cast(answer);
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.filename().apply(report) + "\"");
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8)));
        out.write('\uFEFF');
        out.write(line(export.header().apply(report)));
        export.rows().apply(report).forEach(row -> out.write(line(row)));
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
