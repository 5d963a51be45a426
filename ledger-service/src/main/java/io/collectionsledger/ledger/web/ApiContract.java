package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.Headers;
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
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String RETRY_AFTER = "Retry-After";

    /** Per operation ("POST /customers/{customerId}/payments"), per status, the problem types it answers with. */
    private final Map<String, Map<String, TreeSet<String>>> problems = read("openapi/problems.tsv");
    private final RequestMappingHandlerMapping mappings;

    ApiContract(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI api) {
        OpenApiConfiguration.addCommandOperations(api);
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getDescription() == null) {
                operation.setDescription(operation.getSummary() + ".");
            }
            operation.addParametersItem(new HeaderParameter().name(Headers.CORRELATION_ID).required(false)
                    .description("Ties this request to the business operation that caused it; generated when absent, and answered")
                    .schema(new StringSchema().maxLength(128)));
            addProblems(operation, problems.getOrDefault(method + " " + path, Map.of()));
            operation.getResponses().values().forEach(response -> response.addHeaderObject(Headers.CORRELATION_ID, new Header()
                    .description("The request's correlation id, as sent or generated").schema(new StringSchema())));
        }));
        FieldRules.mark(api, bodiesAndAnswers());
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

    private static void addProblems(Operation operation, Map<String, TreeSet<String>> byStatus) {
        ApiResponses responses = operation.getResponses();
        byStatus.forEach((status, types) -> {
            Map<String, Example> examples = new LinkedHashMap<>();
            types.forEach(type -> examples.put(type, new Example().summary(type)
                    .value(new TreeMap<>(Map.of("type", Problems.TYPE_PREFIX + type, "status", Integer.parseInt(status))))));
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
