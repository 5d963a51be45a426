package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    private static final String REFERENCE = "#/components/schemas/";
    private static final String IMPORT_ITEM = "ImportItem";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final ObjectMapper EXAMPLES = new ObjectMapper();
    private static final String COMMAND_CONVENTIONS = "The path names the resource, so the body need not repeat its ids. A command "
            + "breaking a rule is refused with a problem detail and records nothing; fix it and send it again with the same "
            + "Idempotency-Key. A retry with the same Idempotency-Key and body gets the first answer with Idempotent-Replayed: true.";
    /** Decimal text as the JSON layer writes it (ledger.json.AmountsAsText): up to 15 digits before the point, 3 after. */
    static final String AMOUNT = "^-?[0-9]{1,15}(\\.[0-9]{1,3})?$";

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI().info(new Info()
                        .title("Collections ledger")
                        .version("1")
                        .description("Records everything a supplier does to get paid, as events. Every call needs a bearer token "
                                + "(JWT) whose roles claim allows it; every command needs " + Headers.IDEMPOTENCY_KEY
                                + "; errors are RFC 9457 problem details. Each operation lists the problem types it answers with; a "
                                + "method a path does not take is answered 405 method-not-allowed with Allow naming those it does, and a path "
                                + "nothing is served at 404 not-found.")
                        .contact(new Contact().name("The collections ledger team")))
                // relative, so that the document is the same wherever the service runs (the diff test, a client's base URL)
                .servers(List.of(new Server().url("/").description("The service itself: in production behind the deployment's "
                        + "TLS-terminating ingress, locally on http://127.0.0.1:8080").extensions(Map.of("x-internal", true))))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("A JWT signed with HS256 (a shared secret) or by the configured issuer's keys, as RFC8725 "
                                        + "advises: the algorithm is fixed by the service, never read from the token; the token must "
                                        + "expire (exp); its roles claim lists the caller's roles: service, collector, auditor, analyst")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The command operations, one per line of {@link CommandRoutes}: springdoc sees no controller behind them;
     * the items an import takes, one kind per importable command, told apart by their {@code type}; and money.
     */
    static void addCommandOperations(OpenAPI api) {
        // beside the operations of controllers on the same path (GET /customers), never instead of them
        CommandRoutes.ALL.forEach(route -> {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(route.path());
            api.path(route.path(), (item == null ? new PathItem() : item).post(operation(route, api)));
        });
        importItems(api);
        // an amount is text in every answer (ledger.json.AmountsAsText), and commands take it as text too
        api.getComponents().addSchemas("Money", new ObjectSchema()
                .description("An exact amount in one currency")
                .addProperty("amount", new StringSchema().pattern(AMOUNT).maxLength(20).example("125000.00")
                        .description("Exact decimal text, never more decimals than the currency has (2 for CNY); below 10^15"))
                .addProperty("currency", new StringSchema().pattern("^[A-Z]{3}$").maxLength(3).example("CNY").description("ISO 4217"))
                .required(List.of("amount", "currency")));
    }

    private static void importItems(OpenAPI api) {
        Discriminator discriminator = new Discriminator().propertyName("type");
        ComposedSchema item = new ComposedSchema();
        CommandRoutes.ALL.stream().filter(CommandRoute::importable).forEach(route -> {
            String type = route.command().getSimpleName();
            api.getComponents().addSchemas(IMPORT_ITEM + type, new ObjectSchema()
                    .description("An item of an import carrying " + type + ", as if sent alone to POST " + route.path())
                    .addProperty("commandId", new StringSchema().pattern("^[A-Za-z0-9._:-]{1,128}$").maxLength(128)
                            .description("The command's id, as Idempotency-Key when sent alone"))
                    .addProperty("type", new StringSchema()._enum(List.of(type)).description("The command's name"))
                    .addProperty("command", schema(route.command(), api))
                    .addProperty("expectedVersion", new IntegerSchema().format("int64")
                            .description("As If-Match when sent alone: the account version the command relies on"))
                    .required(List.of("commandId", "type", "command")));
            item.addOneOfItem(new Schema<>().$ref(REFERENCE + IMPORT_ITEM + type));
            discriminator.mapping(type, REFERENCE + IMPORT_ITEM + type);
        });
        api.getComponents().addSchemas(IMPORT_ITEM, item.discriminator(discriminator)
                .description("One command of an import, of the type it names"));
        api.getComponents().getSchemas().remove("Item");
        // an item refused is refused as the command alone would be: with the API's problem detail
        api.getComponents().getSchemas().remove("ProblemDetail");
        api.getComponents().getSchemas().get("ItemResult").addProperty("problem", new Schema<>().$ref(REFERENCE + ApiContract.PROBLEM));
        api.getComponents().getSchemas().get("Batch").addProperty("items", new ArraySchema()
                .items(new Schema<>().$ref(REFERENCE + IMPORT_ITEM)).minItems(1).maxItems(ImportController.MAX_ITEMS));
    }

    private static Operation operation(CommandRoute route, OpenAPI api) {
        JsonNode example = example(route);
        Operation operation = new Operation()
                .addTagsItem(route.tag())
                .summary(route.summary())
                .description(route.summary() + ". Sent by " + route.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))
                        + ". " + COMMAND_CONVENTIONS)
                .operationId(StringUtils.uncapitalize(route.command().getSimpleName()));
        route.pathVariables().forEach(variable -> operation.addParametersItem(new PathParameter().name(variable).required(true)
                .description("The " + variable + " the command is about; the body may repeat it, never contradict it")
                .schema(new StringSchema().pattern(FieldRules.ID).maxLength(64)).example(example.path(variable).asText())));
        operation.addParametersItem(header(Headers.IDEMPOTENCY_KEY, true,
                "Your id for this command; a retry with the same id and body is answered without recording twice",
                new StringSchema().pattern("^[A-Za-z0-9._:-]{1,128}$").maxLength(128)).example("tour-9"));
        if (!route.opensAccount()) {
            operation.addParametersItem(header(HttpHeaders.IF_MATCH, false, "The ETag (account version) you acted on; 409 stale-version "
                    + "with the current version if the account has moved on", new StringSchema().pattern("^(\\*|\"[0-9]{1,18}\")$").maxLength(20)));
        }
        return operation
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                        new MediaType().schema(schema(route.command(), api)).example(example))))
                .responses(new ApiResponses().addApiResponse("200", accepted(api)));
    }

    /** A command recorded, or one recorded before under the same Idempotency-Key and body. */
    static ApiResponse accepted(OpenAPI api) {
        return new ApiResponse().description("Recorded: the account's version and the position of its last event")
                .addHeaderObject(HttpHeaders.ETAG, new Header().description("The account's version after the command, such as \"3\"; "
                        + "send it as If-Match with the next command that relies on what you saw").schema(new StringSchema().maxLength(20)))
                .addHeaderObject(Headers.POSITION, new Header().description("The global position of the account's last event; "
                        + "name it as Ledger-Min-Position to read a report that includes it").schema(new IntegerSchema().format("int64")))
                .addHeaderObject(Headers.IDEMPOTENT_REPLAYED, new Header().description("true when this is the first answer to the same "
                        + "command, repeated: nothing was recorded this time").schema(new BooleanSchema()))
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema(CommandAccepted.class, api))));
    }

    /** The example request of a command ({@code openapi/examples/<Command>.json}): the README's tour, and what follows it. */
    private static JsonNode example(CommandRoute route) {
        ClassPathResource resource = new ClassPathResource("openapi/examples/" + route.command().getSimpleName() + ".json");
        try (var in = resource.getInputStream()) {
            return EXAMPLES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no example for " + route.command().getSimpleName(), e);
        }
    }

    /** A reference to the type's schema, which is added to the components with the schemas it refers to, as springdoc does for a controller's. */
    private static Schema<?> schema(Class<?> type, OpenAPI api) {
        return SpringDocAnnotationsUtils.extractSchema(api.getComponents(), type, null, null, api.getSpecVersion());
    }

    private static HeaderParameter header(String name, boolean required, String description, Schema<?> schema) {
        return (HeaderParameter) new HeaderParameter().name(name).required(required).description(description).schema(schema);
    }
}
