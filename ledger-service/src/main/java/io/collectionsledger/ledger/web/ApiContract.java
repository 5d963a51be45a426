package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.Require;
import io.collectionsledger.ledger.http.Problems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a client generator needs of every operation: the commands' operations (which springdoc cannot
 * see), then for every operation
 * a description, the correlation header both ways, the problem types it is known to answer with
 * ({@code openapi/problems.tsv}, kept true by {@code ObservedProblemsIT}), and every object schema's
 * required fields ({@link FieldRules}).
 */
@Component
class ApiContract implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("Customer", "Customers, their contracts and the reconciliation statements they stamp"),
            Map.entry("Delivery", "Deliveries and performed services, with their signed receipts"),
            Map.entry("Invoice", "Invoices with their terms, and credit notes"),
            Map.entry("Payment", "Payments, their reversal, and unapplied credit"),
            Map.entry("Collection", "Collecting an overdue debt: collectors, credit limits, contacts, warnings, supply"),
            Map.entry("Promise", "Promises to pay and payment plans"),
            Map.entry("Dispute", "Disputes over invoices"),
            Map.entry("Dunning", "Dunning letters and their delivery"),
            Map.entry("Guarantee", "Guarantees, collateral and asset leads"),
            Map.entry("Litigation", "Lawsuits and arbitrations, and their steps"),
            Map.entry("WriteOff", "Write-offs and money recovered after them"),
            Map.entry("Import", "Many commands in one request, each on its own"),
            Map.entry("Aging", "The aging report"),
            Map.entry("Credit", "Credit decisions for an order"),
            Map.entry("Evidence checklist", "What a lawyer checks before suing"),
            Map.entry("Promise-breach watchlist", "Promises due, broken, and kept rates"),
            Map.entry("Statement", "The statement of open items"),
            Map.entry("Worklist", "Customers to work on, in order"),
            Map.entry("Portfolio metrics", "The portfolio's health over months or weeks: overdue rate, DSO, CEI, promises, recovery by age"),
            Map.entry("Documents", "Letters, statements and evidence packs as PDF"),
            Map.entry("Audit", "Every fact in order, the hash chain's head, the journal's export"),
            Map.entry("Auditing", "Who read what"),
            Map.entry("Publication", "What the ledger publishes to RabbitMQ"),
            Map.entry("Administration", "Read models, the close of day, the chain's alarm"));
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String RETRY_AFTER = "Retry-After";
    private static final String CSV_FILE = ".csv";
    private static final String CSV = "text/csv";

    /**
     * What Tomcat refuses before any part of the ledger reads the request (http.ProblemReportValve), so
     * whatever the operation: a request line or header fields over the connector's limit (431), a malformed
     * request line or header, or a path it cannot decode (400). ServerRejectionsIT provokes each, and
     * ObservedProblemsIT holds that they were seen.
     */
    static final Map<String, String> BEFORE_ANY_OPERATION = Map.of("400", "bad-request", "431", "request-header-fields-too-large");
    /**
     * What a report asked to include a position ({@code Ledger-Min-Position}) answers when its read model
     * has not reached it in the time the client would wait (query.ReadModelQueries), whichever report it is.
     */
    static final Map<String, String> WAITING_FOR_A_POSITION = Map.of("503", "read-model-behind");

    /** Per operation ("POST /customers/{customerId}/payments"), per status, the problem types it answers with. */
    private final Map<String, Map<String, TreeSet<String>>> problems = read("openapi/problems.tsv");
    private final RequestMappingHandlerMapping mappings;

    ApiContract(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI api) {
        OpenApiConfiguration.addCommandOperations(api);
        csvExports(api);
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getDescription() == null) {
                operation.setDescription(operation.getSummary() + ".");
            }
            dropRepeatedParameters(operation);
            operation.addParametersItem(new HeaderParameter().name(Headers.CORRELATION_ID).required(false)
                    .description("Ties this request to the business operation that caused it; generated when absent, and answered")
                    .schema(new StringSchema().maxLength(128)));
            addProblems(operation, known(operation, problems.getOrDefault(method + " " + path, Map.of())));
            operation.getResponses().values().forEach(response -> response.addHeaderObject(Headers.CORRELATION_ID, new Header()
                    .description("The request's correlation id, as sent or generated").schema(new StringSchema())));
        }));
        FieldRules.mark(api, bodiesAndAnswers());
        api.setTags(tags(api));
        schemas(api).forEach(ApiContract::bounded);
        sent(api).forEach(ApiContract::limited);
    }

    /**
     * A report's CSV file ({@code GET /aging.csv}, query.CsvExports) is its own operation, named as its
     * handler with {@code Csv} after it; the report's own operation, which springdoc may have named after
     * its CSV handler, or numbered as one of the pair, is named as its handler too ({@code aging}).
     */
    private static void csvExports(OpenAPI api) {
        api.getPaths().forEach((path, item) -> {
            if (!path.endsWith(CSV_FILE) || item.getGet() == null) {
                return;
            }
            String reportPath = path.substring(0, path.length() - CSV_FILE.length());
            Operation report = api.getPaths().get(reportPath).getGet();
            report.setOperationId(handlerName(report));
            // served as CSV alone there, whatever else its handler makes elsewhere
            item.getGet().getResponses().get("200").getContent().keySet().removeIf(type -> !type.equals(CSV));
            item.getGet().operationId(handlerName(item.getGet()) + "Csv")
                    .summary("GET " + reportPath + " as a CSV file")
                    .description("The answer of GET " + reportPath + " as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same "
                            + "as Accept: text/csv there gives; the query parameters and headers are that operation's.");
        });
    }

    private static String handlerName(Operation operation) {
        return operation.getOperationId().replaceFirst("(Csv)?(_[0-9]+)?$", "");
    }

    /**
     * What clients send, parameters and bodies with what they refer to; answers only repeat what was
     * sent or what the ledger made, so their bounds are the ledger's and not said.
     */
    private static List<Schema<?>> sent(OpenAPI api) {
        List<Schema<?>> sent = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> sent.add(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> following(api, media.getSchema(), visited, sent));
            }
        }));
        return sent;
    }

    private static void following(OpenAPI api, Schema<?> schema, Set<String> visited, List<Schema<?>> sent) {
        List<Schema<?>> within = new ArrayList<>();
        collect(schema, within);
        for (Schema<?> part : within) {
            sent.add(part);
            String ref = part.get$ref();
            if (ref != null && visited.add(ref)) {
                following(api, api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1)), visited, sent);
            }
        }
    }

    /**
     * A text a client sends is at most as long as the longest the records take ({@code Require.LONG_TEXT}),
     * a date as a date; a list at most as long as the records take ({@code Require.MAX_ITEMS}).
     */
    private static void limited(Schema<?> schema) {
        if (isOfType(schema, "array") && schema.getMaxItems() == null) {
            schema.setMaxItems(Require.MAX_ITEMS);
        }
        if (!isOfType(schema, "string") || schema.getMaxLength() != null || schema.getEnum() != null) {
            return;
        }
        schema.setMaxLength("date".equals(schema.getFormat()) ? 10 : "date-time".equals(schema.getFormat()) ? 35 : Require.LONG_TEXT);
    }

    /**
     * An operation answered by two handlers, one per media type (JSON and CSV, JSON and PDF), gets the
     * parameters both read from each: listed once.
     */
    private static void dropRepeatedParameters(Operation operation) {
        if (operation.getParameters() != null) {
            Set<String> seen = new HashSet<>();
            operation.setParameters(operation.getParameters().stream()
                    .filter(parameter -> seen.add(parameter.getIn() + " " + parameter.getName()))
                    .collect(Collectors.toCollection(ArrayList::new)));
        }
    }

    /** The groups the operations are listed in, each said in a line. */
    private static List<Tag> tags(OpenAPI api) {
        Set<String> used = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> used.addAll(operation.getTags())));
        return used.stream().map(name -> new Tag().name(name).description(TAGS.getOrDefault(name, name))).toList();
    }

    /** Every schema in the document, wherever it is: components, parameters, headers, bodies and answers. */
    private static List<Schema<?>> schemas(OpenAPI api) {
        List<Schema<?>> roots = new ArrayList<>();
        api.getComponents().getSchemas().values().forEach(roots::add);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> roots.add(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> roots.add(media.getSchema()));
            }
            operation.getResponses().values().forEach(response -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(header -> roots.add(header.getSchema()));
                }
                if (response.getContent() != null) {
                    response.getContent().values().forEach(media -> roots.add(media.getSchema()));
                }
            });
        }));
        List<Schema<?>> all = new ArrayList<>();
        roots.stream().filter(Objects::nonNull).forEach(root -> collect(root, all));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Schema<?> schema, List<Schema<?>> all) {
        all.add(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, all));
        }
        if (schema.getItems() != null) {
            collect(schema.getItems(), all);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, all);
        }
        Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()).filter(Objects::nonNull)
                .forEach(parts -> ((List<Schema<?>>) (List<?>) parts).forEach(part -> collect(part, all)));
    }

    /** An integer says its size, and so the bounds it cannot pass. */
    private static void bounded(Schema<?> schema) {
        if (!isOfType(schema, "integer")) {
            return;
        }
        if (schema.getFormat() == null) {
            schema.setFormat("int32");
        }
        boolean wide = schema.getFormat().equals("int64");
        if (schema.getMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
        }
        if (schema.getMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
        }
    }

    /** OpenAPI 3.1 keeps a schema's types in a set; a schema made here names its one type. */
    static boolean isOfType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains(type);
    }

    /** The types of what the handlers take and answer, and every command's. */
    private List<java.lang.reflect.Type> bodiesAndAnswers() {
        List<java.lang.reflect.Type> types = new ArrayList<>();
        CommandRoutes.ALL.forEach(route -> types.add(route.command()));
        mappings.getHandlerMethods().values().forEach(handler -> {
            types.add(handler.getReturnType().getGenericParameterType());
            Arrays.stream(handler.getMethodParameters()).filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                    .forEach(parameter -> types.add(parameter.getGenericParameterType()));
        });
        return types;
    }

    /** The problems seen of the operation, Tomcat's refusals, and a read model's delay where the operation waits for one. */
    private static Map<String, TreeSet<String>> known(Operation operation, Map<String, TreeSet<String>> seen) {
        Map<String, TreeSet<String>> byStatus = new TreeMap<>();
        seen.forEach((status, types) -> byStatus.put(status, new TreeSet<>(types)));
        BEFORE_ANY_OPERATION.forEach((status, type) -> byStatus.computeIfAbsent(status, key -> new TreeSet<>()).add(type));
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && Headers.MIN_POSITION.equals(parameter.getName()))) {
            WAITING_FOR_A_POSITION.forEach((status, type) -> byStatus.computeIfAbsent(status, key -> new TreeSet<>()).add(type));
        }
        return byStatus;
    }

    private static void addProblems(Operation operation, Map<String, TreeSet<String>> byStatus) {
        ApiResponses responses = operation.getResponses();
        byStatus.forEach((status, types) -> {
            Map<String, Example> examples = new LinkedHashMap<>();
            types.forEach(type -> examples.put(type, new Example().summary(type).value(new TreeMap<>(Map.of(
                    "type", Problems.TYPE_PREFIX + type,
                    "title", StringUtils.capitalize(type.replace('-', ' ')),
                    "status", Integer.parseInt(status))))));
            ApiResponse response = new ApiResponse()
                    .description("A problem detail (RFC 9457) of type " + String.join(", ", types.stream().map(type -> "`" + type + "`").toList()))
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples)));
            if (status.equals("503")) {
                response.addHeaderObject(RETRY_AFTER, new Header().description("Seconds to wait before asking again")
                        .schema(new IntegerSchema()));
            }
            responses.addApiResponse(status, response);
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error, as RFC 9457 says: clients branch on type, never on the wording of detail")
                .addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_PREFIX + "dated-in-the-future")
                        .description("The kind of error, " + Problems.TYPE_PREFIX + "<name>"))
                .addProperty("title", new StringSchema().description("The kind of error, for people"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What was wrong with this request, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("correlationId", new StringSchema().description("The request's correlation id"))
                .addProperty("expectedVersion", new IntegerSchema().format("int64")
                        .description("On stale-version: the version the command's If-Match named"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("On stale-version: the account's version now, to send as If-Match once the command is reconsidered"))
                .addProperty("header", new StringSchema().description("On invalid-header: the header at fault"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                                .addProperty("field", new StringSchema().description("The field at fault, e.g. amount or terms[1].dueDate"))
                                .addProperty("reason", new StringSchema().description("What is wrong with it"))
                                .required(List.of("field", "reason")))
                        .description("On invalid-command: the field at fault and why"))
                .required(List.of("type", "title", "status"));
    }

    /** Lines of "METHOD path status type", tab-separated; '#' starts a comment. */
    private static Map<String, Map<String, TreeSet<String>>> read(String resource) {
        Map<String, Map<String, TreeSet<String>>> table = new TreeMap<>();
        try {
            String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                table.computeIfAbsent(cells[0] + " " + cells[1], key -> new TreeMap<>())
                        .computeIfAbsent(cells[2], key -> new TreeSet<>()).add(cells[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
