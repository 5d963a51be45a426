package io.collectionsledger.ledger.web;

import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.contracts.shared.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
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
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    static {
        // an amount is text in every answer (ledger.json.AmountsAsText), and commands take it as text too
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new ObjectSchema()
                .addProperty("amount", new StringSchema().format("decimal").example("125000.00")
                        .description("exact, never more decimals than the currency has"))
                .addProperty("currency", new StringSchema().example("CNY").description("ISO 4217"))
                .required(List.of("amount", "currency")));
    }

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI().info(new Info()
                        .title("Collections ledger")
                        .version("1")
                        .description("Records everything a supplier does to get paid, as events. Every call needs a bearer token "
                                + "(JWT) whose roles claim allows it; every command needs " + Headers.IDEMPOTENCY_KEY
                                + "; errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The command operations, one per line of {@link CommandRoutes}: springdoc sees no controller behind them. */
    @Bean
    OpenApiCustomizer commandOperations() {
        return api -> CommandRoutes.ALL.forEach(route -> api.path(route.path(), new PathItem().post(operation(route, api))));
    }

    private static Operation operation(CommandRoute route, OpenAPI api) {
        Operation operation = new Operation()
                .addTagsItem(route.tag())
                .summary(route.summary())
                .operationId(StringUtils.uncapitalize(route.command().getSimpleName()));
        route.pathVariables().forEach(variable ->
                operation.addParametersItem(new PathParameter().name(variable).required(true).schema(new StringSchema())));
        operation.addParametersItem(header(Headers.IDEMPOTENCY_KEY, true, "Your id for this command; a retry with the same id and body is answered without recording twice"));
        operation.addParametersItem(header(HttpHeaders.IF_MATCH, false, "The ETag (account version) you acted on; 409 if the account has moved on"));
        operation.addParametersItem(header(Headers.CORRELATION_ID, false, "Ties this command to the business operation that caused it"));
        return operation
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(schema(route.command(), api)))))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(new Content()
                        .addMediaType(org.springframework.http.MediaType.ALL_VALUE, new MediaType().schema(schema(CommandAccepted.class, api))))));
    }

    /** A reference to the type's schema, which is added to the components with the schemas it refers to, as springdoc does for a controller's. */
    private static Schema<?> schema(Class<?> type, OpenAPI api) {
        return SpringDocAnnotationsUtils.extractSchema(api.getComponents(), type, null, null, api.getSpecVersion());
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(required).description(description).schema(new StringSchema());
    }
}
